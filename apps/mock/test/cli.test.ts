// The CLI as `npm run mock` runs it: one ready line, flags and env, one log line per request
// without secrets, and a clean exit on SIGINT/SIGTERM that leaves nothing listening. What a flag
// does to the mock that serves is proven in-process (startAsCli below); the rest on the process.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadApiModel } from "@klearstack/spec";
import { writeUnseenOperationSpec } from "@klearstack/spec/fixtures";
import { runProcess } from "@klearstack/test-support/process";
import { afterAll, describe, expect, it } from "vitest";
import { parseCliArgs } from "../src/cli-args.ts";
import { type RunningMock, startMock } from "../src/index.ts";
import { bundledCli as bin, startCli, stopClis } from "./cli-process.ts";
import {
  call,
  carriesSecret,
  claimsOf,
  form,
  login,
  loginOperation,
  model,
  successStatus,
  validRequest,
} from "./support.ts";

// Each test starts its own CLI on its own port, so they run concurrently; all are stopped at the end.
afterAll(stopClis);

// What a flag does to the running mock is proven in-process, on the mock the CLI would start:
// src/cli.ts reads its flags and environment with parseCliArgs and passes the options to
// startMock, as this does. A process costs about 1.2 s of CPU to start; the tests of the process
// itself (its ready line, its log on stderr, its signals, --help and exit code 2) start one.
const started: RunningMock[] = [];
afterAll(() => Promise.all(started.map((mock) => mock.close())));
async function startAsCli(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<RunningMock> {
  const command = parseCliArgs(argv, env);
  if (command.help) throw new Error(`${argv.join(" ")} asks for the help text, not a mock`);
  const mock = await startMock(command.options);
  started.push(mock);
  return mock;
}

const issuer = loginOperation();
/** Sends every operation a valid request (tokens from a login first); resolves with the secrets. */
async function callEveryOperation(url: string, headers: Record<string, string> = {}) {
  const tokens = await login(url);
  const secrets = [...tokens.values()];
  for (const op of model.operations) {
    const request = validRequest(op, tokens);
    const reply = await call(url, op, {
      body: form(request.fields),
      headers: { ...request.headers, ...headers },
    });
    expect(reply.status, op.operationId).toBe(successStatus(op));
    const body = JSON.parse(reply.text) as Record<string, unknown>;
    for (const { name } of op.success?.body?.tokens ?? []) secrets.push(String(body[name]));
    for (const field of op.fields) if (field.secret) secrets.push(request.fields[field.name] ?? "");
  }
  return secrets.filter((s) => s !== "");
}
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

describe.concurrent("klearstack-mock", () => {
  // A process is the costly part of these tests (about 1.3 s of CPU each), so the signal tests
  // stop processes that other tests started: SIGINT here, SIGTERM after the request log.
  it("prints exactly one ready line with the URL it listens on; exits 0 on SIGINT and stops listening", async () => {
    const cli = await startCli(["--port", "0"]);
    const { url, stdout } = cli;
    expect(stdout()).toMatch(/^KlearStack mock ready at http:\/\/127\.0\.0\.1:\d+\n$/);
    expect((await call(url, issuer, { body: form({}) })).status).toBe(
      Number(issuer.missingParameters[0]?.status),
    );
    const { code } = await cli.stop("SIGINT");
    expect(code).toBe(0);
    await expect(fetch(url)).rejects.toThrow();
  });

  it("takes its port and host from MOCK_PORT and MOCK_HOST", async () => {
    const { url } = await startAsCli(["--no-watch", "--quiet"], {
      MOCK_PORT: "0",
      MOCK_HOST: "127.0.0.1",
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(url).not.toMatch(/:4010$/);
  });

  // Assertions on stderr are booleans with a message: a failing one must not print the log, which
  // is exactly where a leaked secret would be.
  it("logs one line per request on stderr, without bodies, tokens or passwords; exits 0 on SIGTERM and stops listening", async () => {
    const cli = await startCli(["--port", "0"]);
    const { url, stderr } = cli;
    const secrets = await callEveryOperation(url);
    const { code } = await cli.stop("SIGTERM"); // its streams closed: the log is complete
    expect(code).toBe(0);
    await expect(fetch(url)).rejects.toThrow();
    const lines = stderr().trim().split("\n");
    const calls = [issuer, ...model.operations];
    expect(lines.length, "log lines, one per request").toBe(calls.length);
    calls.forEach((op, i) => {
      const line = new RegExp(
        ` info ${op.method.toUpperCase()} ${escapeRegExp(op.path)} 200 [\\d.]+ms$`,
      );
      expect(
        line.test(lines[i] ?? ""),
        `line ${i} is \`<time> info <method> <path> 200 <ms>\``,
      ).toBe(true);
    });
    expect(carriesSecret(stderr(), secrets), "a secret (or part of one) is in the log").toBe(false);
  });

  // One process for both kinds of answer: the log under test is the process's stderr.
  it("at --log-level debug, logs Prism's steps without the secrets of the example or the generated (Prefer: dynamic=true) answers", async () => {
    const cli = await startCli(["--port", "0", "--no-watch", "--log-level", "debug"]);
    const { url, stderr } = cli;
    const example = await callEveryOperation(url);
    const generated = await callEveryOperation(url, { prefer: "dynamic=true" });
    await cli.stop(); // its streams closed: the log is complete
    for (const secrets of [example, generated]) {
      expect(secrets.length).toBeGreaterThan(model.operations.length);
    }
    expect(stderr().includes('"name":"PRISM"'), "Prism's debug lines are on stderr").toBe(true);
    expect(/Body:|Headers:/.test(stderr()), "Prism dumped a body or headers").toBe(false);
    expect(carriesSecret(stderr(), example), "an example answer's secret is in the log").toBe(
      false,
    );
    expect(carriesSecret(stderr(), generated), "a generated answer's secret is in the log").toBe(
      false,
    );
  });

  it("logs nothing with --quiet", async () => {
    const cli = await startCli(["--port", "0", "--no-watch", "--quiet"]);
    const { url, stderr } = cli;
    await callEveryOperation(url);
    await fetch(`${url}/nope`);
    await cli.stop(); // its streams closed: the log is complete
    expect(stderr().length, "bytes on stderr").toBe(0);
  });

  it("--dynamic generates tokens instead of serving the example", async () => {
    const { url } = await startAsCli(["--port", "0", "--no-watch", "--dynamic", "--quiet"]);
    const [a, b] = [await login(url), await login(url)];
    expect(a.size).toBeGreaterThan(0);
    for (const [type, token] of a) expect(token === b.get(type), `${type} repeated`).toBe(false);
  });

  it("--access-ttl and --refresh-ttl set the lifetime of the tokens of each type", async () => {
    const { url } = await startAsCli([
      ...["--port", "0", "--no-watch", "--quiet"],
      ...["--access-ttl", "30", "--refresh-ttl", "90"],
    ]);
    const lifetimes = [...(await login(url))].map(([type, token]) => {
      const { iat, exp } = claimsOf(token) as { iat: number; exp: number };
      return [type, exp - iat];
    });
    expect(Object.fromEntries(lifetimes)).toEqual({ access: 30, refresh: 90 });
  });

  it("--spec serves another document, every operation of it", async () => {
    const scratch = mkdtempSync(join(tmpdir(), "klearstack-mock-cli-"));
    try {
      const specFile = writeUnseenOperationSpec(scratch);
      const { url } = await startAsCli([
        ...["--port", "0", "--no-watch", "--quiet"],
        ...["--spec", specFile],
      ]);
      const fixture = await loadApiModel(specFile);
      const tokens = await login(url, {}, fixture);
      for (const op of fixture.operations) {
        const request = validRequest(op, tokens);
        const reply = await call(url, op, { body: form(request.fields), headers: request.headers });
        expect(reply.status, op.operationId).toBe(successStatus(op));
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it("documents every flag in --help", async () => {
    const { code, stdout } = await runProcess(process.execPath, [bin, "--help"]);
    expect(code).toBe(0);
    for (const flag of ["--port", "--host", "--spec", "--dynamic", "--access-ttl", "--refresh-ttl"])
      expect(stdout).toContain(flag);
  });

  // Every rule of the flags is in cli-args.test.ts, in-process; these prove the process's side:
  // exit code 2, the reason, then the usage text, for a bad value and for a missing one.
  it.each([
    [["--port", "http"], "invalid port: http"],
    [["--access-ttl"], "--access-ttl <value>"],
  ])("rejects %j with exit code 2, the reason and the usage text", async (args, reason) => {
    const { code, stderr } = await runProcess(process.execPath, [bin, ...args]);
    expect(code).toBe(2);
    expect(stderr).toContain(reason);
    expect(stderr).toContain("Usage: klearstack-mock");
  });
});
