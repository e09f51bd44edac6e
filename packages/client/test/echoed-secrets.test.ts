// A server may echo the request back in its error text: the form body as it arrived (urlencoded or
// multipart), or the values JSON-escaped. Whatever the encoding, no secret of the call reaches an
// error or klearstack-token's output. A real server echoes; the secrets hold the characters the
// encodings change (space, &, =, %, +, quotes, a line break, non-ASCII).
import { encodingsOf, type OperationModel } from "@klearstack/spec";
import { type LocalServer, startLocalServer, toRequest } from "@klearstack/test-support/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exitCodes } from "../src/cli/run.ts";
import { createKlearStackClient, KlearStackApiError } from "../src/index.ts";
import { callOperation, exampleBearer, exampleInput, operations } from "./support/fixtures.ts";
import { cliCall, runCliInProcess } from "./support/in-process-cli.ts";
import { expectNoSecret, rejectionOf } from "./support/secret-safe-assertions.ts";

const password = 'Pw-x s&x=%+"é\nend';
const withSecrets = operations.filter((op) => op.fields.some((f) => f.secret && !f.tokenType));

/** The example input, each secret field that is not a token holding the password above. */
const fieldsOf = (op: OperationModel): Record<string, unknown> => ({
  ...exampleInput(op),
  ...Object.fromEntries(
    op.fields.filter((f) => f.secret && !f.tokenType).map((f) => [f.name, password]),
  ),
});

// /<raw|json>/<path>: a 500 quoting the body as it arrived, or its values JSON-escaped.
let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer(async (req, res) => {
    const request = await toRequest(req, "http://local");
    const raw = await request.clone().text();
    const values = [...(await request.formData()).values()].map(String);
    const echo = req.url?.startsWith("/json") ? JSON.stringify(values) : raw;
    res.writeHead(500, { "Content-Type": "text/plain" }).end(`rejected: ${echo}`);
  });
});
afterAll(() => server?.close());

it("the spec has an operation with a secret field that is not a token", () => {
  expect(withSecrets.length).toBeGreaterThan(0);
});

describe.each(withSecrets.map((op) => [op.operationId, op] as const))("%s", (_, op) => {
  it.each([
    ["raw", "urlencoded"],
    ["raw", "multipart"],
    ["json", "urlencoded"],
  ])("masks the password echoed %s from a %s request", async (echo, encoding) => {
    const client = createKlearStackClient({ baseUrl: `${server.url}/${echo}`, retry: false });
    const error = await rejectionOf(callOperation(client, op, fieldsOf(op), { encoding }));
    expect(error).toBeInstanceOf(KlearStackApiError);
    const { body, message } = error as KlearStackApiError;
    expect(body).toContain("rejected: ");
    expectNoSecret(`${body}\n${message}`, encodingsOf(password), "the error");
  });

  it("klearstack-token prints none of it", async () => {
    const { argv, env } = cliCall(op, `${server.url}/raw`, fieldsOf(op), exampleBearer);
    const run = await runCliInProcess(argv, env);
    expect(run.code).toBe(exitCodes.api);
    expect(run.stderr).toContain("rejected: ");
    expectNoSecret(run.stderr + run.stdout, encodingsOf(password), "the command's output");
  });
});
