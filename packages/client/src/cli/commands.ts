// One subcommand per operation of the table: its name, its flags (one per form field), and where
// each secret comes from. Secrets (secret fields, the bearer token) are read from an environment
// variable or standard input, never from argv, which every user of the machine can read in `ps`.
// The flag and variable names are the spec model's (names.ts in @klearstack/spec), carried by the
// generated operation table, so the CLI, the docs samples and conformance name each value alike.
import { commandName } from "@klearstack/spec/names";
import type { FieldEntry, HelpEntry, InputEntry, OperationEntry } from "../operation-table.ts";

/** Options every subcommand has; a form field may not take one of these names. */
export const commonOptions = {
  "base-url": { type: "string" },
  multipart: { type: "boolean" },
  field: { type: "string" },
  timeout: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

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
  /** Flag name (without --) of each non-secret field, with the variable it may come from. */
  fieldFlags: Map<string, FieldEntry & { variable: string }>;
  secrets: Secret[];
  options: Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }>;
}

function secretOf(fills: Secret["fills"], input: InputEntry): Secret {
  return { fills, flag: input.flag, variable: input.variable, stdinFlag: input.stdinFlag };
}

/** The operation table and the spec's words for it: what the CLI is made from. */
export interface CliSpec {
  table: Readonly<Record<string, OperationEntry>>;
  help: Readonly<Record<string, HelpEntry>>;
}

export function commandOf(operationId: string, entry: OperationEntry, help: HelpEntry): Command {
  const options: Command["options"] = { ...commonOptions };
  const claim = (flag: string, type: "string" | "boolean", multiple = false) => {
    if (flag in options) {
      throw new Error(`${operationId}: a form field clashes with the command's --${flag} option`);
    }
    options[flag] = multiple ? { type, multiple } : { type };
  };
  const fieldFlags: Command["fieldFlags"] = new Map();
  const secrets: Secret[] = [];
  const inputOf = (name: string): InputEntry => {
    const input = help.inputs[name];
    if (!input) throw new Error(`${operationId}: the generated help names no flag for ${name}`);
    return input;
  };
  if (entry.bearer) {
    if (!help.bearer) throw new Error(`${operationId}: the generated help names no bearer flag`);
    secrets.push(secretOf({ bearer: true }, help.bearer));
  }
  for (const field of entry.fields) {
    const input = inputOf(field.name);
    if (field.secret) secrets.push(secretOf({ field: field.name }, input));
    else {
      // Per kind: a boolean is a switch, an array a repeated flag, anything else one value
      // (a number's text, a file's @path), typed by the spec model's coerceFormValue (run.ts).
      claim(input.flag, field.kind === "boolean" ? "boolean" : "string", field.kind === "array");
      fieldFlags.set(input.flag, { ...field, variable: input.variable });
    }
  }
  for (const secret of secrets) {
    // Parsed only to be refused with a message naming the variable.
    claim(secret.flag, "string");
    claim(secret.stdinFlag, "boolean");
  }
  return { name: commandName(operationId), operationId, entry, help, fieldFlags, secrets, options };
}

export function commandsOf({ table, help }: CliSpec): Command[] {
  return Object.entries(table).map(([id, entry]) =>
    commandOf(id, entry, help[id] ?? { fields: {}, inputs: {}, bearer: null }),
  );
}
