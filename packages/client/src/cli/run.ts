// klearstack-token: the token call for shell scripts. Prints the token pair as JSON, or one field
// of it with --field (for `$(...)`). Errors go to stderr, never with a token in them.
import { parseArgs } from "node:util";
import { type TokenPair, type TokenRequest, tokenPairFields } from "../api.ts";
import { createKlearStackClient } from "../client.ts";
import {
  KlearStackApiError,
  KlearStackNetworkError,
  KlearStackTimeoutError,
  KlearStackValidationError,
  redactTokens,
} from "../errors.ts";

export const exitCodes = { ok: 0, failure: 1, usage: 2, api: 3, network: 4 } as const;

const fields = Object.keys(tokenPairFields) as (keyof TokenPair)[];

export const usage = `Usage: klearstack-token --user-id ID --company-name NAME [options]

Gets an access and a refresh token from KlearStack and prints them as JSON.

Options:
  --base-url URL       API base URL (default: $KLEARSTACK_BASE_URL)
  --user-id ID         the user's id (required)
  --company-name NAME  the company they log in to (required)
  --multipart          send multipart/form-data instead of application/x-www-form-urlencoded
  --field NAME         print only ${fields.join(" | ")}
  --timeout MS         per-attempt timeout in milliseconds (default 10000)
  --help               show this help

Exit codes: ${exitCodes.ok} ok, ${exitCodes.usage} usage error, ${exitCodes.api} the API answered with an error (its message on stderr),
${exitCodes.network} network error or timeout, ${exitCodes.failure} anything else.
`;

export interface CliIo {
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let values: ReturnType<typeof parse>["values"];
  try {
    ({ values } = parse(argv));
  } catch (error) {
    return usageError(io, error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    io.stdout(usage);
    return exitCodes.ok;
  }
  const baseUrl = values["base-url"] ?? io.env.KLEARSTACK_BASE_URL;
  if (!baseUrl) return usageError(io, "--base-url (or KLEARSTACK_BASE_URL) is required");
  const field = values.field as keyof TokenPair | undefined;
  if (field !== undefined && !fields.includes(field)) {
    return usageError(io, `--field must be one of ${fields.join(", ")}`);
  }
  const timeoutMs = values.timeout === undefined ? undefined : Number(values.timeout);

  try {
    const client = createKlearStackClient({
      baseUrl,
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      encoding: values.multipart ? "multipart" : "urlencoded",
    });
    const pair = await client.getAccessTokenFromUserId({
      user_id: values["user-id"] ?? "",
      company_name: values["company-name"] ?? "",
    });
    io.stdout(field ? `${pair[field]}\n` : `${JSON.stringify(pair, null, 2)}\n`);
    return exitCodes.ok;
  } catch (error) {
    return reportFailure(io, error);
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      "base-url": { type: "string" },
      "user-id": { type: "string" },
      "company-name": { type: "string" },
      multipart: { type: "boolean" },
      field: { type: "string" },
      timeout: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
}

function usageError(io: CliIo, message: string): number {
  io.stderr(`klearstack-token: ${message}\n\n${usage}`);
  return exitCodes.usage;
}

/** The flag a validation error is about, in the CLI's own spelling. */
const flagFor: Record<keyof TokenRequest | "baseUrl" | "timeoutMs", string> = {
  user_id: "--user-id",
  company_name: "--company-name",
  baseUrl: "--base-url",
  timeoutMs: "--timeout",
};

function reportFailure(io: CliIo, error: unknown): number {
  if (error instanceof KlearStackValidationError) {
    const flag = (flagFor as Record<string, string>)[error.field] ?? error.field;
    return usageError(io, error.message.replace(error.field, flag));
  }
  if (error instanceof KlearStackApiError) {
    // The server's own message as it sent it, unless it is withheld (a 2xx that held no token pair).
    const text = error.body ? redactTokens(error.body) : error.message;
    io.stderr(`klearstack-token: the API answered ${error.status}: ${text}\n`);
    return exitCodes.api;
  }
  const message = redactTokens(error instanceof Error ? error.message : String(error));
  io.stderr(`klearstack-token: ${message}\n`);
  const transient =
    error instanceof KlearStackNetworkError || error instanceof KlearStackTimeoutError;
  return transient ? exitCodes.network : exitCodes.failure;
}
