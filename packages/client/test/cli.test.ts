// The klearstack-token command against a real local server: flags, output, exit codes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exitCodes } from "../src/cli/run.ts";
import { runCli } from "./support/cli.ts";
import { exampleTokenPair, missingParameterText, validInput } from "./support/fixtures.ts";
import { type LocalServer, startLocalServer, toRequest } from "./support/local-server.ts";
import { expectSameSecret } from "./support/quiet.ts";

let server: LocalServer;
/** A company name the local server answers with the API's documented 500. */
const failingCompany = "Fail Corp";
const documentedError = missingParameterText("company_name");
const received: { contentType: string | null; fields: Record<string, unknown> }[] = [];

beforeAll(async () => {
  server = await startLocalServer(async (req, res) => {
    const request = await toRequest(req, "http://local");
    const fields = Object.fromEntries(await request.formData());
    received.push({ contentType: request.headers.get("content-type"), fields });
    if (fields.company_name === failingCompany) {
      res.writeHead(500, { "Content-Type": "text/plain" }).end(documentedError);
    } else {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify(exampleTokenPair));
    }
  });
});
afterAll(() => server.close());

const identity = ["--user-id", validInput.user_id, "--company-name", validInput.company_name];

describe("klearstack-token", () => {
  it("prints the token pair as JSON and exits 0", async () => {
    const result = await runCli(["--base-url", server.url, ...identity]);
    expect(result.code).toBe(exitCodes.ok);
    expectSameSecret(parseOrUndefined(result.stdout), exampleTokenPair, "stdout, parsed as JSON");
    expect(result.stderr).toBe("");
    expect(received.at(-1)).toEqual({
      contentType: "application/x-www-form-urlencoded",
      fields: validInput,
    });
  });

  it.each(["access_token", "refresh_token", "release_version"] as const)(
    "--field %s prints just that value, for $(...)",
    async (field) => {
      const result = await runCli(["--base-url", server.url, ...identity, "--field", field]);
      expect(result.code).toBe(exitCodes.ok);
      expectSameSecret(result.stdout, `${exampleTokenPair[field]}\n`, "stdout");
    },
  );

  it("--multipart sends multipart/form-data", async () => {
    const result = await runCli(["--base-url", server.url, ...identity, "--multipart"]);
    expect(result.code).toBe(exitCodes.ok);
    expect(received.at(-1)?.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(received.at(-1)?.fields).toEqual(validInput);
  });

  it("reads the base URL from KLEARSTACK_BASE_URL", async () => {
    const result = await runCli(identity, { KLEARSTACK_BASE_URL: server.url });
    expect(result.code).toBe(exitCodes.ok);
  });

  it("--help prints the usage and exits 0", async () => {
    const result = await runCli(["--help"]);
    expect(result.code).toBe(exitCodes.ok);
    expect(result.stdout).toMatch(/^Usage: klearstack-token/);
    for (const flag of [
      "--base-url",
      "--user-id",
      "--company-name",
      "--multipart",
      "--field",
      "--timeout",
    ]) {
      expect(result.stdout).toContain(flag);
    }
  });

  it.each([
    ["no base URL", identity, /--base-url \(or KLEARSTACK_BASE_URL\) is required/],
    [
      "an unknown flag",
      ["--base-url", "http://127.0.0.1:9", ...identity, "--verbose"],
      /Unknown option '--verbose'/,
    ],
    [
      "a missing --user-id",
      ["--base-url", "http://127.0.0.1:9", "--company-name", validInput.company_name],
      /--user-id must be a non-empty string/,
    ],
    [
      "an unknown --field",
      ["--base-url", "http://127.0.0.1:9", ...identity, "--field", "jti"],
      /--field must be one of (\w+, ){2}\w+\n/,
    ],
    [
      "a bad --timeout",
      ["--base-url", "http://127.0.0.1:9", ...identity, "--timeout", "soon"],
      /--timeout must be a positive number/,
    ],
  ])("%s is a usage error: exit 2, message and usage on stderr", async (_, args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(exitCodes.usage);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain("Usage: klearstack-token");
    expectSameSecret(result.stdout, "", "stdout");
  });

  it.each([
    ["--base-url", (url: string) => runCli(["--base-url", url, ...identity])],
    ["KLEARSTACK_BASE_URL", (url: string) => runCli(identity, { KLEARSTACK_BASE_URL: url })],
  ])("a base URL with a password in %s is a usage error that never echoes it", async (_, run) => {
    const { port } = new URL(server.url);
    const before = server.hits();
    const result = await run(`http://alice:s3cret@127.0.0.1:${port}`);
    expect(result.code).toBe(exitCodes.usage);
    expect(result.stderr).toMatch(/--base-url must not contain a user name or password/);
    expect(
      /s3cret|alice/.test(result.stderr + result.stdout),
      "output quotes the credentials",
    ).toBe(false);
    expect(server.hits()).toBe(before); // nothing sent, so nothing retried
  });

  it("an API error exits 3 with the server's message on stderr", async () => {
    const result = await runCli([
      "--base-url",
      server.url,
      "--user-id",
      validInput.user_id,
      "--company-name",
      failingCompany,
    ]);
    expect(result.code).toBe(exitCodes.api);
    expect(result.stderr).toBe(`klearstack-token: the API answered 500: ${documentedError}\n`);
    expectSameSecret(result.stdout, "", "stdout");
  });

  it("an unreachable server exits 4", async () => {
    const closed = await startLocalServer(() => {});
    await closed.close();
    const result = await runCli(["--base-url", closed.url, ...identity]);
    expect(result.code).toBe(exitCodes.network);
    expect(result.stderr).toMatch(/could not reach the KlearStack API/);
  });

  it("a timeout exits 4", async () => {
    const stalled = await startLocalServer(() => {});
    try {
      const result = await runCli(["--base-url", stalled.url, ...identity, "--timeout", "100"]);
      expect(result.code).toBe(exitCodes.network);
      expect(result.stderr).toMatch(/did not respond within 100 ms/);
    } finally {
      await stalled.close();
    }
  });
});

/** JSON.parse without its SyntaxError, which quotes the text (and so any token in it). */
function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
