// `npm run conformance -- --base-url URL [--<field> VALUE ...] [--timeout-ms N]`, one `--<field>` per
// form field of the spec's token call (`user_id` → `--user-id`), so the flags follow the spec.
// Exit 0: the deployment conforms; 1: at least one check failed; 2: the run was refused.
import { parseArgs } from "node:util";
import { loadSpec, resolveRef, tokenOperation } from "@klearstack/spec";
import { runConformance } from "./index.ts";

const spec = loadSpec();
const tokenCall = tokenOperation(spec);
const fixedFlags = ["base-url", "timeout-ms", "help"];
const fieldFlags = Object.keys(tokenCall.exampleFields).map((name) => {
  const flag = name.replaceAll("_", "-");
  if (fixedFlags.includes(flag)) throw new Error(`form field ${name} clashes with --${flag}`);
  return { name, flag };
});

const usage = [
  "usage: npm run conformance -- --base-url <URL>",
  ...fieldFlags.map(({ name, flag }) => `[--${flag} <${name}>]`),
  "[--timeout-ms <ms>]",
].join(" ");

/** One line per flag; the field flags carry the spec's description and example. */
function help(): string {
  const schema = resolveRef(
    spec,
    tokenCall.operation.requestBody.content[tokenCall.requestMediaTypes[0] ?? ""]?.schema,
  );
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  const rows: [string, string][] = [
    ["--base-url <URL>", "base URL of the deployment (https, or http on loopback only)"],
    ...fieldFlags.map(({ name, flag }): [string, string] => {
      const description = String(resolveRef(spec, properties[name]).description ?? name);
      const example = JSON.stringify(tokenCall.exampleFields[name]);
      return [`--${flag} <${name}>`, `${description} Default: the spec's example, ${example}.`];
    }),
    ["--timeout-ms <ms>", "per-request timeout. Default: 10000."],
  ];
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return [usage, "", ...rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`)].join("\n");
}

function refuse(message: string): never {
  console.error(`conformance: ${message}\n${usage}`);
  process.exit(2);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        "base-url": { type: "string" },
        "timeout-ms": { type: "string" },
        help: { type: "boolean", short: "h" },
        ...Object.fromEntries(fieldFlags.map(({ flag }) => [flag, { type: "string" as const }])),
      },
    });
  } catch (error) {
    refuse((error as Error).message);
  }
})();

if (values.help) {
  console.log(help());
  process.exit(0);
}
if (!values["base-url"]) refuse("--base-url is required");
let baseUrl: URL;
try {
  baseUrl = new URL(values["base-url"]);
} catch {
  refuse(`not a URL: ${values["base-url"]}`);
}
// Refused, not stripped: the call needs no credentials, and fetch would echo them in its error.
if (baseUrl.username || baseUrl.password)
  refuse("--base-url must not carry user:password@ (the token call takes no credentials).");
if (process.env.NODE_TLS_REJECT_UNAUTHORIZED === "0")
  refuse("NODE_TLS_REJECT_UNAUTHORIZED=0 would disable TLS verification; unset it.");
const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(baseUrl.hostname);
if (baseUrl.protocol === "http:" && !loopback)
  refuse("plain http is only allowed for loopback hosts: tokens would cross the network in clear.");
if (baseUrl.protocol !== "http:" && baseUrl.protocol !== "https:")
  refuse(`unsupported protocol ${baseUrl.protocol}`);
const timeoutMs = Number(values["timeout-ms"] ?? 10_000);
if (!Number.isInteger(timeoutMs) || timeoutMs <= 0)
  refuse("--timeout-ms must be a positive integer");

const fields: Record<string, string> = {};
for (const { name, flag } of fieldFlags) {
  const value = (values as Record<string, string | boolean | undefined>)[flag];
  if (typeof value === "string") fields[name] = value;
}

const result = await runConformance({ baseUrl, fields, timeoutMs, spec });
console.log(result.report);
process.exitCode = result.ok ? 0 : 1;
