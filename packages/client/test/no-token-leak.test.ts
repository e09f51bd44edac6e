// Tokens and passwords are credentials: no error message, body, stack, log line or CLI stderr may
// carry one, whatever the server sends back.
import type { OperationModel } from "@klearstack/spec";
import { type LocalServer, startLocalServer, toRequest } from "@klearstack/test-support/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKlearStackClient, decodeToken } from "../src/index.ts";
import {
  callOperation,
  example200,
  exampleBearer,
  exampleInput,
  exampleTokens,
  operations,
} from "./support/fixtures.ts";
import { cliCall, runCliInProcess } from "./support/in-process-cli.ts";
import { expectNoSecret, rejectionOf } from "./support/secret-safe-assertions.ts";

// Every example token (expectNoSecret looks for its claims and signature parts too).
const tokenSecrets = [...exampleTokens, exampleBearer];
/** The secret form fields' example values (the password), and the bearer token. */
const secretsOf = (op: OperationModel) => [
  ...op.fields.filter((f) => f.secret).map((f) => String(exampleInput(op)[f.name] ?? "")),
  ...(op.bearer ? [exampleBearer] : []),
];

/** Every text an error exposes: message, String(), stack, body, and the same for each cause. */
function everyText(error: unknown): string {
  const texts: string[] = [];
  for (let e = error; e instanceof Error; e = e.cause) {
    texts.push(e.message, String(e), e.stack ?? "", String((e as { body?: unknown }).body ?? ""));
  }
  return texts.join("\n");
}

const [first] = operations as [OperationModel];
// Each route answers in a way that tempts a client to quote a token.
const answers: Record<string, [number, string, string]> = {
  "/500-with-token": [500, "text/plain", `Token ${exampleTokens[0]} was rejected`],
  "/json-500-with-token": [500, "application/json", JSON.stringify(example200(first))],
  "/503-with-token": [503, "text/plain", `busy, keep ${exampleTokens[1]}`],
  "/200-missing-field": [
    200,
    "application/json",
    JSON.stringify({ access_token: exampleTokens[0] }),
  ],
  "/200-not-json": [200, "application/json", `${exampleTokens[0]} ${exampleTokens[1]}`],
};

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer(async (req, res) => {
    if (req.url?.startsWith("/echo")) {
      // A server that echoes the request (form and Authorization) in its error text.
      const request = await toRequest(req, "http://local");
      const echo = `${request.headers.get("authorization")} ${await request.text()}`;
      return void res.writeHead(500, { "Content-Type": "text/plain" }).end(echo);
    }
    const prefix = Object.keys(answers).find((route) => req.url?.startsWith(route));
    const [status, type, body] = answers[prefix ?? ""] ?? [404, "text/plain", "no route"];
    res.writeHead(status, { "Content-Type": type, "Retry-After": "0" }).end(body);
  });
});
afterAll(() => server.close());

function loggingClient(baseUrl: string) {
  const lines: string[] = [];
  const logger = { debug: (l: string) => lines.push(l), warn: (l: string) => lines.push(l) };
  const client = createKlearStackClient({
    baseUrl,
    retry: { maxRetries: 1, baseDelayMs: 1 },
    logger,
  });
  return { client, lines };
}

describe("no token in any error", () => {
  it.each(Object.keys(answers))("the client's error for %s", async (route) => {
    const { client, lines } = loggingClient(server.url + route);
    const error = await rejectionOf(callOperation(client, first));
    expect(error).toBeInstanceOf(Error);
    expectNoSecret(everyText(error), tokenSecrets, "the error");
    expectNoSecret(lines.join("\n"), tokenSecrets, "the log");
  });

  it.each(operations.map((op) => [op.operationId, op] as const))(
    "%s: a server echoing the request quotes none of its secrets through the error",
    async (_, op) => {
      const { client, lines } = loggingClient(`${server.url}/echo`);
      const error = await rejectionOf(callOperation(client, op));
      expect(error).toMatchObject({ status: 500 });
      expectNoSecret(everyText(error), secretsOf(op), "the error");
      expectNoSecret(lines.join("\n"), secretsOf(op), "the log");
    },
  );

  it.each([
    ["a token with its dots removed", exampleTokens[0]!.replaceAll(".", "")],
    ["a token with a damaged claims part", exampleTokens[0]!.replace(".eyJ", ".~eyJ")],
    ["a token with an extra part", `${exampleTokens[0]}.${exampleTokens[1]}`],
  ])("decodeToken's error for %s", (_, token) => {
    let error: unknown;
    try {
      decodeToken(token);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    expectNoSecret(everyText(error), tokenSecrets, "decodeToken's error");
  });

  it.each(Object.keys(answers))("the CLI's stderr for %s", async (route) => {
    const { argv, env } = cliCall(first, server.url + route, exampleInput(first), exampleBearer);
    const result = await runCliInProcess(argv, env);
    expect(result.code).not.toBe(0);
    expect(result.stderr).not.toBe("");
    expectNoSecret(result.stderr, tokenSecrets, "stderr");
  });
});
