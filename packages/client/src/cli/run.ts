// klearstack-token: a subcommand per operation, for shell scripts. Prints the answer as JSON, or
// one property with --field (for `$(...)`). Errors go to stderr, never with a secret in them.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { coerceFormValue, FormValueError } from "@klearstack/spec/form-fields";
import { maskSecrets } from "@klearstack/spec/secrets";
import { createOperationClient, type OperationTableLike } from "../core.ts";
import { KlearStackApiError, KlearStackError, KlearStackValidationError } from "../errors.ts";
import { operationHelp, operationTable } from "../generated/operations.gen.ts";
import { type CliSpec, type Command, commandsOf, type Secret } from "./commands.ts";
import { commandUsage, exitCodes, program, programUsage } from "./usage.ts";

export { exitCodes };

export interface CliIo {
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** All of standard input, read only when a --…-stdin flag asks for it. */
  readStdin: () => Promise<string>;
}

class UsageError extends Error {}

export async function runCli(
  argv: string[],
  io: CliIo,
  spec: CliSpec = { table: operationTable, help: operationHelp },
): Promise<number> {
  const commands = commandsOf(spec);
  const [name, ...rest] = argv;
  if (name === "--help" || name === "-h") {
    io.stdout(programUsage(commands));
    return exitCodes.ok;
  }
  // The operationId is accepted too: it is the client's method name.
  const command = commands.find((c) => c.name === name || c.operationId === name);
  if (!command) {
    const problem = name === undefined ? "a command is required" : "unknown command";
    io.stderr(`${program}: ${problem}\n\n${programUsage(commands)}`);
    return exitCodes.usage;
  }
  try {
    return await runCommand(command, rest, io, spec.table);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${program} ${command.name}: ${error.message}\n\n${commandUsage(command)}`);
      return exitCodes.usage;
    }
    return reportFailure(command, io, error);
  }
}

async function runCommand(command: Command, argv: string[], io: CliIo, table: OperationTableLike) {
  type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;
  let values: Values;
  try {
    ({ values } = parseArgs({ args: argv, options: command.options, strict: true }));
  } catch (error) {
    const { code, message } = error as Error & { code?: string };
    // Never echo a stray argument: it may be a secret pasted after a misspelt flag.
    const stray = code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL";
    throw new UsageError(stray ? "unexpected argument (not shown)" : message);
  }
  if (values.help) {
    io.stdout(commandUsage(command));
    return exitCodes.ok;
  }
  const fields: Record<string, unknown> = {};
  for (const [flag, field] of command.fieldFlags) {
    const value = values[flag] ?? io.env[field.variable];
    if (value !== undefined) fields[field.name] = await asKind(value, field, `--${flag}`);
  }
  let accessToken: string | undefined;
  for (const [secret, value] of await readSecrets(command.secrets, values, io)) {
    if ("bearer" in secret.fills) accessToken = value;
    else fields[secret.fills.field] = value;
  }
  const baseUrl = (values["base-url"] as string | undefined) ?? io.env.KLEARSTACK_BASE_URL;
  if (!baseUrl) throw new UsageError("--base-url (or KLEARSTACK_BASE_URL) is required");
  const printable = Object.keys(command.entry.result ?? {});
  const field = values.field as string | undefined;
  if (field !== undefined && !printable.includes(field)) {
    throw new UsageError(`--field must be one of ${printable.join(", ") || "(none: no body)"}`);
  }
  const timeoutMs = values.timeout === undefined ? undefined : Number(values.timeout);
  const client = createOperationClient(table, {
    baseUrl,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    ...(values.multipart ? { encoding: "multipart" } : {}),
  });
  const call = client[command.operationId] as (f: unknown, o: unknown) => Promise<unknown>;
  const result = (await call(fields, { accessToken })) as Record<string, unknown> | undefined;
  io.stdout(
    field ? `${String(result?.[field])}\n` : `${JSON.stringify(result ?? null, null, 2)}\n`,
  );
  return exitCodes.ok;
}

type FieldFlag = Command["fieldFlags"] extends Map<string, infer F> ? F : never;

/**
 * A flag's value as the field's kind: a switch is a boolean already, a file is read from `@path`,
 * anything else is typed by the spec model's coerceFormValue ("30" → 30, repeated → a list).
 */
async function asKind(
  value: string | boolean | (string | boolean)[],
  field: FieldFlag,
  flag: string,
): Promise<unknown> {
  if (typeof value === "boolean") return value;
  if (field.kind === "file") {
    const path = typeof value === "string" && value.startsWith("@") ? value.slice(1) : undefined;
    if (!path) throw new UsageError(`${flag} takes a file as @path`);
    try {
      return new Blob([await readFile(path)]);
    } catch {
      throw new UsageError(`${flag}: cannot read ${path}`);
    }
  }
  // Text still to type: a flag's value, or an environment variable's (a switch's "true"/"false").
  const text =
    typeof value === "string" ? (field.kind === "array" ? [value] : value) : value.map(String);
  try {
    return coerceFormValue({ ...field, items: field.items }, text);
  } catch (error) {
    if (error instanceof FormValueError) {
      throw new UsageError(`${flag}${error.message.slice(field.name.length)}`);
    }
    throw error;
  }
}

/** Each secret's value, from its environment variable or (one at most) standard input. */
async function readSecrets(
  secrets: Secret[],
  values: Record<string, unknown>,
  io: CliIo,
): Promise<[Secret, string][]> {
  for (const secret of secrets) {
    if (values[secret.flag] !== undefined) {
      throw new UsageError(
        `--${secret.flag} is refused: a command line is visible to every user of the machine. Set ${secret.variable}, or pass --${secret.stdinFlag} and write it to standard input`,
      );
    }
  }
  const fromStdin = secrets.filter((s) => values[s.stdinFlag]);
  if (fromStdin.length > 1) {
    throw new UsageError(
      `only one secret can come from standard input; set the others in ${fromStdin.map((s) => s.variable).join(", ")}`,
    );
  }
  const stdin = fromStdin.length ? (await io.readStdin()).replace(/\r?\n$/, "") : undefined;
  const found: [Secret, string][] = [];
  for (const secret of secrets) {
    const value = fromStdin.includes(secret) ? stdin : io.env[secret.variable];
    if (value !== undefined && value !== "") found.push([secret, value]);
    else if ("bearer" in secret.fills) {
      throw new UsageError(
        `an access token is required: set ${secret.variable}, or pass --${secret.stdinFlag} and write it to standard input`,
      );
    }
  }
  return found;
}

/** Where the CLI takes what a validation error is about, in the CLI's own words. */
function sourceOf(command: Command, field: string): string {
  const secret = command.secrets.find((s) => "field" in s.fills && s.fills.field === field);
  if (secret) return `${secret.variable} (or --${secret.stdinFlag})`;
  const flag = [...command.fieldFlags].find(([, f]) => f.name === field)?.[0];
  if (flag) return `--${flag}`;
  return { baseUrl: "--base-url", timeoutMs: "--timeout", encoding: "--multipart" }[field] ?? field;
}

function reportFailure(command: Command, io: CliIo, error: unknown): number {
  const prefix = `${program} ${command.name}`;
  if (error instanceof KlearStackValidationError) {
    const message = error.message.replace(error.field, sourceOf(command, error.field));
    io.stderr(`${prefix}: ${message}\n\n${commandUsage(command)}`);
    return exitCodes.usage;
  }
  if (error instanceof KlearStackApiError) {
    // The server's own (masked) message as it sent it; else ours (a 401 has no body).
    const text = error.body ? `the API answered ${error.status}: ${error.body}` : error.message;
    io.stderr(`${prefix}: ${text}\n`);
    return exitCodes.api;
  }
  // Our errors are masked already (once is enough); anything else is masked here.
  const ours = error instanceof KlearStackError ? error : undefined;
  const message = ours?.message ?? maskSecrets(error instanceof Error ? error.message : `${error}`);
  io.stderr(`${prefix}: ${message}\n`);
  // A redirect or an oversized body is the API answering wrongly; a network failure is transient.
  const codes: Record<string, number> = {
    redirect: exitCodes.api,
    "too-large": exitCodes.api,
    network: exitCodes.network,
    timeout: exitCodes.network,
  };
  return codes[ours?.kind ?? ""] ?? exitCodes.failure;
}
