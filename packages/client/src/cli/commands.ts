// One subcommand per operation of the table: its name, its flags (one per form field), and where
// each secret comes from. Secrets (secret fields, the bearer token) are read from an environment
// variable or standard input, never from argv, which every user of the machine can read in `ps`.
import type { FieldEntry, HelpEntry, OperationEntry } from "../operation-table.ts";

/** Options every subcommand has; a form field may not take one of these names. */
export const commonOptions = {
  "base-url": { type: "string" },
  multipart: { type: "boolean" },
  field: { type: "string" },
  timeout: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

const envPrefix = "KLEARSTACK_";
/** RFC 6750 calls the bearer credential an access token; every bearer call reads it here. */
export const bearerVariable = `${envPrefix}ACCESS_TOKEN`;
const bearerFlag = "access-token";

export interface Secret {
  /** What it fills: a form field, or the bearer token. */
  fills: { field: string } | { bearer: true };
  /** The flag that is refused if given, e.g. "password". */
  flag: string;
  variable: string;
  /** The boolean flag that reads it from standard input, e.g. "password-stdin". */
  stdinFlag: string;
}

export interface Command {
  /** kebab-case of the operationId, e.g. get-access-token-from-user-id. */
  name: string;
  operationId: string;
  entry: OperationEntry;
  help: HelpEntry;
  /** Flag name (without --) of each non-secret field. */
  fieldFlags: Map<string, FieldEntry>;
  secrets: Secret[];
  options: Record<string, { type: "string" | "boolean"; short?: string }>;
}

export const flagOf = (name: string) => name.replace(/_/g, "-").toLowerCase();
export const variableOf = (name: string) =>
  `${envPrefix}${name.toUpperCase().replace(/[^A-Z0-9]+/g, "_")}`;
const kebab = (id: string) =>
  id
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .toLowerCase();

function secretOf(fills: Secret["fills"], name: string): Secret {
  return {
    fills,
    flag: flagOf(name),
    variable: variableOf(name),
    stdinFlag: `${flagOf(name)}-stdin`,
  };
}

/** The operation table and the spec's words for it: what the CLI is made from. */
export interface CliSpec {
  table: Readonly<Record<string, OperationEntry>>;
  help: Readonly<Record<string, HelpEntry>>;
}

export function commandOf(operationId: string, entry: OperationEntry, help: HelpEntry): Command {
  const options: Command["options"] = { ...commonOptions };
  const claim = (flag: string, type: "string" | "boolean") => {
    if (flag in options) {
      throw new Error(`${operationId}: a form field clashes with the command's --${flag} option`);
    }
    options[flag] = { type };
  };
  const fieldFlags = new Map<string, FieldEntry>();
  const secrets: Secret[] = [];
  if (entry.bearer) secrets.push(secretOf({ bearer: true }, bearerFlag));
  for (const field of entry.fields) {
    if (field.secret) secrets.push(secretOf({ field: field.name }, field.name));
    else {
      claim(flagOf(field.name), "string");
      fieldFlags.set(flagOf(field.name), field);
    }
  }
  for (const secret of secrets) {
    // Parsed only to be refused with a message naming the variable.
    claim(secret.flag, "string");
    claim(secret.stdinFlag, "boolean");
  }
  return { name: kebab(operationId), operationId, entry, help, fieldFlags, secrets, options };
}

export function commandsOf({ table, help }: CliSpec): Command[] {
  return Object.entries(table).map(([id, entry]) =>
    commandOf(id, entry, help[id] ?? { fields: {} }),
  );
}
