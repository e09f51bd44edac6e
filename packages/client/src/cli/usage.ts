// The help texts, written from the operation table and the spec's words: the command list, and
// per command its fields (with the spec's descriptions), where its secrets come from, and the
// options every command has.
import { mediaTypes } from "../encoding.ts";
import type { Command } from "./commands.ts";

export const program = "klearstack-token";

export const exitCodes = { ok: 0, failure: 1, usage: 2, api: 3, network: 4 } as const;

const exitCodeText = `Exit codes: ${exitCodes.ok} ok, ${exitCodes.usage} usage error, ${exitCodes.api} the API answered with an error (its message on stderr),
${exitCodes.network} network error or timeout, ${exitCodes.failure} anything else.
`;

/** Two columns, the left one as wide as its widest entry. */
function table(rows: [string, string][]): string {
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`.trimEnd()).join("\n");
}

export function programUsage(commands: Command[]): string {
  return `Usage: ${program} <command> [options]   (${program} <command> --help for its options)

Calls KlearStack's token API and prints the answer as JSON.

Commands:
${table(commands.map((c) => [c.name, c.help.summary ?? c.operationId]))}

${exitCodeText}`;
}

export function commandUsage(command: Command): string {
  const { entry, help } = command;
  const flags = new Map([...command.fieldFlags].map(([flag, field]) => [field.name, flag]));
  const fields = entry.fields.map((field): [string, string] => {
    const secret = command.secrets.find((s) => "field" in s.fills && s.fills.field === field.name);
    const notes = [field.required ? "required" : "optional"];
    if (secret) notes.push(`secret: or --${secret.stdinFlag}`);
    const value =
      { boolean: "", file: " @PATH", array: " VALUE..." }[field.kind as string] ?? " VALUE";
    if (field.kind === "array") notes.push("repeat the flag for each value");
    const left = secret ? `$${secret.variable}` : `--${flags.get(field.name)}${value}`;
    return [left, `${help.fields[field.name] ?? field.name} (${notes.join("; ")})`];
  });
  const bearer = command.secrets.find((s) => "bearer" in s.fills);
  const auth = bearer
    ? `\nAuthentication:\n${table([[`$${bearer.variable}`, `the current access token, sent as Authorization: Bearer (required; secret: or --${bearer.stdinFlag})`]])}\n`
    : "";
  const printable = entry.result ? Object.keys(entry.result).join(" | ") : "(no body)";
  return `Usage: ${program} ${command.name} [options]

${help.summary ?? command.operationId}: ${entry.method.toUpperCase()} ${entry.path} (${command.operationId})

Fields:
${table(fields)}
${auth}
Options:
${table([
  ["--base-url URL", "API base URL (default: $KLEARSTACK_BASE_URL)"],
  ["--multipart", `send ${mediaTypes.multipart} instead of ${mediaTypes.urlencoded}`],
  ["--field NAME", `print only ${printable}`],
  ["--timeout MS", "per-attempt timeout in milliseconds (default 10000)"],
  ["--help", "show this help"],
])}

A field without its flag is read from $KLEARSTACK_<FIELD> (e.g. KLEARSTACK_COMPANY_NAME). Secrets
come only from there or from standard input (one per run), never from the command line, which
every user of the machine can read.

${exitCodeText}`;
}
