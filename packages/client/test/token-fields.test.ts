// A token property must hold a token: an answer of the documented shape whose token fields are not
// JWTs (three dot-separated base64url parts, decodable) is not what the spec documents. The
// client withholds it, and klearstack-token prints nothing and fails, instead of printing
// whatever came and exiting 0. A real server answers each operation that way.
import type { OperationModel } from "@klearstack/spec";
import { type LocalServer, startLocalServer, toRequest } from "@klearstack/test-support/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exitCodes } from "../src/cli/run.ts";
import { createKlearStackClient, KlearStackApiError } from "../src/index.ts";
import {
  callOperation,
  example200,
  exampleBearer,
  exampleInput,
  operations,
} from "./support/fixtures.ts";
import { cliCall, runCliInProcess } from "./support/in-process-cli.ts";
import { rejectionOf } from "./support/secret-safe-assertions.ts";

const issuing = operations.filter((op) => (op.success?.body?.tokens.length ?? 0) > 0);
const notJwts = ["e", "not-a-token", "a.b", "e30.!!!.x", "eyJhbGciOi.bm90IGpzb24.sig"];

/** The documented 200 of `op` with every token property holding `value`. */
function answerWith(op: OperationModel, value: string): string {
  const body = { ...example200(op) };
  for (const token of op.success?.body?.tokens ?? []) body[token.name] = value;
  return JSON.stringify(body);
}

// /<index of notJwts>/<path>
let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer(async (req, res) => {
    await toRequest(req, "http://local");
    const [, index, ...rest] = (req.url ?? "/").split("/");
    const op = issuing.find((o) => o.path === `/${rest.join("/")}`) as OperationModel;
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(answerWith(op, notJwts[Number(index)] ?? ""));
  });
});
afterAll(() => server?.close());

it("the spec has operations that issue tokens", () => {
  expect(issuing.length).toBeGreaterThan(0);
});

describe.each(issuing.map((op) => [op.operationId, op] as const))("%s", (_, op) => {
  it.each(notJwts.map((value, index) => [value, index]))(
    "withholds an answer whose token is %j",
    async (_value, index) => {
      const client = createKlearStackClient({ baseUrl: `${server.url}/${index}` });
      const error = await rejectionOf(callOperation(client, op));
      expect(error).toBeInstanceOf(KlearStackApiError);
      const apiError = error as KlearStackApiError;
      expect(apiError.status).toBe(200);
      expect(apiError.body).toBe("");
      expect(apiError.message).toContain("is not a JWT");
    },
  );

  it("klearstack-token prints nothing and exits 3 (and masks no stray letter)", async () => {
    const { argv, env } = cliCall(op, `${server.url}/0`, exampleInput(op), exampleBearer);
    const run = await runCliInProcess(argv, env);
    expect(run.code).toBe(exitCodes.api);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("is not a JWT");
    expect(run.stderr).not.toContain("[masked]");
  });
});
