// Tokens are credentials: no error message, stack, log line or CLI stderr may carry one, whatever
// the server sends back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKlearStackClient, decodeToken } from "../src/index.ts";
import { runCli } from "./support/cli.ts";
import { exampleTokenPair, validInput } from "./support/fixtures.ts";
import { type LocalServer, startLocalServer } from "./support/local-server.ts";
import { expectNoSecret, rejectionOf } from "./support/quiet.ts";

const tokens = [exampleTokenPair.access_token, exampleTokenPair.refresh_token];
// The whole token and its claims and signature parts (the header part is the same public JOSE
// header on every KlearStack token).
const secrets = tokens.flatMap((token) => [token, ...token.split(".").slice(1)]);

/** Fails with a count, never the token: a test's output is a log too. */
const expectNoToken = (text: string, where: string) => expectNoSecret(text, secrets, where);

/** Every text an error exposes: message, String(), stack, and the same for each cause. */
function everyText(error: unknown): string {
  const texts: string[] = [];
  for (let e = error; e instanceof Error; e = e.cause)
    texts.push(e.message, String(e), e.stack ?? "");
  return texts.join("\n");
}

// Each route answers in a way that tempts a client to quote a token.
const answers: Record<string, [number, string, string]> = {
  "/500-with-token": [500, "text/plain", `Token ${tokens[0]} was rejected`],
  "/json-500-with-token": [500, "application/json", JSON.stringify(exampleTokenPair)],
  "/503-with-token": [503, "text/plain", `busy, keep ${tokens[1]}`],
  "/200-missing-field": [
    200,
    "application/json",
    JSON.stringify({ ...exampleTokenPair, release_version: 7 }),
  ],
  "/200-not-json": [200, "application/json", `${tokens[0]} ${tokens[1]}`],
};

let server: LocalServer;
beforeAll(async () => {
  server = await startLocalServer((req, res) => {
    const prefix = Object.keys(answers).find((route) => req.url?.startsWith(route));
    const [status, type, body] = answers[prefix ?? ""] ?? [404, "text/plain", "no route"];
    res.writeHead(status, { "Content-Type": type, "Retry-After": "0" }).end(body);
  });
});
afterAll(() => server.close());

describe("no token in any error", () => {
  it.each(Object.keys(answers))("the client's error for %s", async (route) => {
    const lines: string[] = [];
    const logger = { debug: (l: string) => lines.push(l), warn: (l: string) => lines.push(l) };
    const client = createKlearStackClient({
      baseUrl: server.url + route,
      retry: { maxRetries: 1, baseDelayMs: 1 },
      logger,
    });
    const error = await rejectionOf(client.getAccessTokenFromUserId(validInput));
    expect(error).toBeInstanceOf(Error);
    expectNoToken(everyText(error), "the error");
    expectNoToken(lines.join("\n"), "the log");
  });

  it.each([
    ["a token with its dots removed", tokens[0]!.replaceAll(".", "")],
    ["a token with a damaged claims part", tokens[0]!.replace(".eyJ", ".~eyJ")],
    ["a token with an extra part", `${tokens[0]}.${tokens[1]}`],
  ])("decodeToken's error for %s", (_, token) => {
    let error: unknown;
    try {
      decodeToken(token);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    expectNoToken(everyText(error), "decodeToken's error");
  });

  it.each(Object.keys(answers))("the CLI's stderr for %s", async (route) => {
    const result = await runCli([
      "--base-url",
      server.url + route,
      "--user-id",
      validInput.user_id,
      "--company-name",
      validInput.company_name,
    ]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).not.toBe("");
    expectNoToken(result.stderr, "stderr");
  });
});
