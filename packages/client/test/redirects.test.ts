// The client never follows a redirect: on a 307 or 308 fetch would send the form body again (the
// password, the refresh token) to whatever Location names. A real server redirects; a second real
// server, the target, records whatever reaches it. Nothing may: not from a method, not from the
// token session's fetch, not from the klearstack-token command. Nothing is mocked.
import { encodingsOf, type OperationModel } from "@klearstack/spec";
import { type LocalServer, startLocalServer, toRequest } from "@klearstack/test-support/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exitCodes } from "../src/cli/run.ts";
import {
  createKlearStackClient,
  createTokenSession,
  KlearStackRedirectError,
} from "../src/index.ts";
import {
  callOperation,
  example200,
  exampleBearer,
  exampleInput,
  logins,
  operations,
} from "./support/fixtures.ts";
import { cliCall, runCliInProcess } from "./support/in-process-cli.ts";
import { expectNoSecret, rejectionOf } from "./support/secret-safe-assertions.ts";

const redirects = [301, 302, 303, 307, 308];
const password = "Pw-x s&x=%redirected";

/** The example input, each secret field that is not a token holding the password above. */
const fieldsOf = (op: OperationModel): Record<string, unknown> => ({
  ...exampleInput(op),
  ...Object.fromEntries(
    op.fields.filter((f) => f.secret && !f.tokenType).map((f) => [f.name, password]),
  ),
});
/** What must never reach the target: the secret fields' values and the bearer token. */
const secretsOf = (op: OperationModel) =>
  [
    ...op.fields.filter((f) => f.secret).map((f) => String(fieldsOf(op)[f.name] ?? "")),
    ...(op.bearer ? [exampleBearer] : []),
  ].flatMap(encodingsOf);

let target: LocalServer;
let received = "";
let redirector: LocalServer;
beforeAll(async () => {
  // The target answers like the API would, so a client that followed would succeed.
  target = await startLocalServer(async (req, res) => {
    const request = await toRequest(req, "http://target");
    received += `${request.url} ${JSON.stringify([...request.headers])} ${await request.text()}\n`;
    const op = operations.find((o) => request.url.endsWith(o.path));
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(op ? JSON.stringify(example200(op)) : "{}");
  });
  // /<status>/<path> answers <status> with Location: the target's <path>.
  redirector = await startLocalServer((req, res) => {
    const [, status, ...rest] = (req.url ?? "/").split("/");
    res.writeHead(Number(status), { Location: `${target.url}/${rest.join("/")}` }).end();
  });
});
afterAll(async () => {
  await Promise.all([target?.close(), redirector?.close()]);
});

function expectNothingReachedTarget(op: OperationModel, ...texts: string[]) {
  expect(target.hits(), "requests that reached the redirect's target").toBe(0);
  expectNoSecret(received, secretsOf(op), "what the target received");
  for (const text of texts) expectNoSecret(text, secretsOf(op), "what the client said");
}

describe.each(operations.map((op) => [op.operationId, op] as const))("%s", (_, op) => {
  it.each(redirects)(
    "refuses a %i: a typed error, nothing sent to the Location",
    async (status) => {
      const hitsBefore = redirector.hits();
      const client = createKlearStackClient({ baseUrl: `${redirector.url}/${status}` });
      const error = await rejectionOf(callOperation(client, op, fieldsOf(op)));
      expect(error).toBeInstanceOf(KlearStackRedirectError);
      const redirect = error as KlearStackRedirectError;
      expect(redirect.kind).toBe("redirect");
      expect(redirect.status).toBe(status);
      expect(redirect.location).toBe(new URL(target.url).origin);
      expect(redirect.message).toContain(`redirected (${status}) to ${new URL(target.url).origin}`);
      // Not retried: a redirect is an answer, not a failure that may pass.
      expect(redirector.hits() - hitsBefore).toBe(1);
      expectNothingReachedTarget(op, redirect.message, String(redirect.stack));
    },
  );

  it("klearstack-token refuses a 307 with exit 3, saying where it pointed, sending nothing", async () => {
    const { argv, env } = cliCall(op, `${redirector.url}/307`, fieldsOf(op), exampleBearer);
    const run = await runCliInProcess(argv, env);
    expect(run.code).toBe(exitCodes.api);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`redirected (307) to ${new URL(target.url).origin}`);
    expectNothingReachedTarget(op, run.stderr);
  });
});

describe("the token session's fetch", () => {
  it.each(redirects)(
    "refuses a %i from another endpoint: no token, no body to the target",
    async (status) => {
      const [login] = logins as [OperationModel];
      // The API: the login answers its documented 200; every other endpoint redirects to the target.
      const api = await startLocalServer(async (req, res) => {
        await toRequest(req, "http://api");
        if (req.url === login.path) {
          return void res
            .writeHead(200, { "Content-Type": "application/json" })
            .end(JSON.stringify(example200(login)));
        }
        res.writeHead(status, { Location: `${target.url}${req.url}` }).end();
      });
      try {
        const client = createKlearStackClient({ baseUrl: api.url });
        const session = createTokenSession({
          client,
          login: { operationId: login.operationId, fields: fieldsOf(login) } as never,
        });
        const body = "document=confidential-body";
        const error = await rejectionOf(session.fetch("/documents", { method: "POST", body }));
        expect(error).toBeInstanceOf(KlearStackRedirectError);
        expect((error as KlearStackRedirectError).status).toBe(status);
        const tokens = Object.values(example200(login)).map(String);
        expect(target.hits()).toBe(0);
        expectNoSecret(received, [...tokens, body, password], "what the target received");
      } finally {
        await api.close();
      }
    },
  );
});
