// The CLI as `npm run mock` runs it: one ready line, flags and env, one log line per request,
// and a clean exit on SIGINT/SIGTERM that leaves nothing listening.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { carriesToken, form, operationPath, tokenProperties, valid } from "./support.ts";

const bin = fileURLToPath(new URL("../bin/klearstack-mock.ts", import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

interface Started {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stderr: () => string;
}

async function startCli(args: string[], env: Record<string, string> = {}): Promise<Started> {
  // process.execPath is the Node 24 that runs vitest; the bin needs its type stripping.
  const child = spawn(process.execPath, [bin, ...args], {
    env: { ...process.env, ...env },
    stdio: "pipe",
  });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (c) => (stdout += c));
  child.stderr?.on("data", (c) => (stderr += c));
  const deadline = Date.now() + 10_000;
  while (!stdout.includes("\n")) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`no ready line; stderr: ${stderr}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const url = stdout.match(/http:\/\/\S+/)?.[0] ?? "";
  return { child, url, stdout: () => stdout, stderr: () => stderr };
}

/** A valid request to the mock's operation; resolves with the JSON body. */
async function post(url: string, headers: Record<string, string> = {}): Promise<unknown> {
  const res = await fetch(`${url}${operationPath}`, { method: "POST", body: form(valid), headers });
  return res.json();
}
const tokensOf = (body: unknown) =>
  tokenProperties.map(({ name }) => String((body as Record<string, unknown>)[name]));
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

describe("klearstack-mock", () => {
  it("prints exactly one ready line with the URL it listens on", async () => {
    const { url, stdout } = await startCli(["--port", "0", "--no-watch"]);
    expect(stdout()).toMatch(/^KlearStack mock ready at http:\/\/127\.0\.0\.1:\d+\n$/);
    expect((await fetch(`${url}${operationPath}`, { method: "POST", body: form({}) })).status).toBe(
      500,
    );
  });

  it("takes its port and host from MOCK_PORT and MOCK_HOST", async () => {
    const { url } = await startCli(["--no-watch"], { MOCK_PORT: "0", MOCK_HOST: "127.0.0.1" });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(url).not.toMatch(/:4010$/);
  });

  it.each(["SIGINT", "SIGTERM"] as const)("exits 0 on %s and stops listening", async (signal) => {
    const { child, url } = await startCli(["--port", "0"]);
    child.kill(signal);
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
    await expect(fetch(url)).rejects.toThrow();
  });

  // Assertions on stderr are booleans with a message: a failing one must not print the log, which
  // is exactly where a leaked token would be.
  it("logs one line per request on stderr, without bodies or tokens", async () => {
    const { url, stderr } = await startCli(["--port", "0", "--no-watch"]);
    const tokens = tokensOf(await post(url));
    await new Promise((r) => setTimeout(r, 100));
    const lines = stderr().trim().split("\n");
    expect(lines.length, "log lines for one request").toBe(1);
    const logLine = new RegExp(` info POST ${escapeRegExp(operationPath)} 200 [\\d.]+ms$`);
    expect(logLine.test(lines[0] ?? ""), "the line is `<time> info POST <path> 200 <ms>`").toBe(
      true,
    );
    expect(carriesToken(stderr(), tokens), "a token (or part of one) is in the log").toBe(false);
  });

  it.each([
    ["example", {}],
    ["generated (Prefer: dynamic=true)", { prefer: "dynamic=true" }],
  ])("at --log-level debug, logs Prism's steps without the %s tokens", async (_kind, headers) => {
    const { url, stderr } = await startCli(["--port", "0", "--no-watch", "--log-level", "debug"]);
    const tokens = tokensOf(await post(url, headers));
    await new Promise((r) => setTimeout(r, 100));
    expect(tokens.length).toBe(tokenProperties.length);
    expect(stderr().includes('"name":"PRISM"'), "Prism's debug lines are on stderr").toBe(true);
    expect(/Body:|Headers:/.test(stderr()), "Prism dumped a body or headers").toBe(false);
    expect(carriesToken(stderr(), tokens), "a token (or part of one) is in the log").toBe(false);
  });

  it("logs nothing with --quiet", async () => {
    const { url, stderr } = await startCli(["--port", "0", "--no-watch", "--quiet"]);
    await post(url);
    await fetch(`${url}/nope`);
    await new Promise((r) => setTimeout(r, 100));
    expect(stderr().length, "bytes on stderr").toBe(0);
  });

  it("--dynamic generates tokens instead of serving the example", async () => {
    const { url } = await startCli(["--port", "0", "--no-watch", "--dynamic", "--quiet"]);
    const [a, b] = [tokensOf(await post(url)), tokensOf(await post(url))];
    expect(a.length).toBe(tokenProperties.length);
    expect(
      a.some((token, i) => token === b[i]),
      "a token repeated across calls",
    ).toBe(false);
  });

  it("rejects a bad port with exit code 2 and the usage text", async () => {
    const child = spawn(process.execPath, [bin, "--port", "http"], { stdio: "pipe" });
    let stderr = "";
    child.stderr.on("data", (c) => (stderr += c));
    const [code] = await once(child, "exit");
    expect(code).toBe(2);
    expect(stderr).toContain("invalid port: http");
    expect(stderr).toContain("Usage: klearstack-mock");
  });
});
