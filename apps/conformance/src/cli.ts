// `npm run conformance -- --base-url URL [--user-id ID --company-name NAME] [--timeout-ms N]`
// Exit 0: the deployment conforms; 1: at least one check failed; 2: the run was refused.
import { parseArgs } from "node:util";
import { runConformance } from "./index.ts";

const usage =
  "usage: npm run conformance -- --base-url <URL> [--user-id <id>] [--company-name <name>] [--timeout-ms <ms>]";

function refuse(message: string): never {
  console.error(`conformance: ${message}\n${usage}`);
  process.exit(2);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        "base-url": { type: "string" },
        "user-id": { type: "string" },
        "company-name": { type: "string" },
        "timeout-ms": { type: "string" },
      },
    });
  } catch (error) {
    refuse((error as Error).message);
  }
})();

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
if (values["user-id"] !== undefined) fields.user_id = values["user-id"];
if (values["company-name"] !== undefined) fields.company_name = values["company-name"];

const result = await runConformance({ baseUrl, fields, timeoutMs });
console.log(result.report);
process.exitCode = result.ok ? 0 : 1;
