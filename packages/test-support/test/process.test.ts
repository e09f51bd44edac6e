// The waits are conditions, whatever the chunking and however late the machine runs.
import { describe, expect, it } from "vitest";
import { runProcess, startProcess, waitUntil } from "../src/process.ts";

/** A Node script that prints `parts` one at a time, a tick apart (so they arrive as separate chunks). */
const dribble = (parts: string[]) =>
  `const parts = ${JSON.stringify(parts)}; const next = () => { const p = parts.shift(); if (p === undefined) return; process.stdout.write(p); setTimeout(next, 20); }; next();`;

describe("runProcess", () => {
  it("has every byte of output once it resolves, and the exit code", async () => {
    const script = `process.stdout.write("x".repeat(1 << 20)); process.stderr.write("err"); process.exitCode = 3;`;
    const run = await runProcess(process.execPath, ["-e", script]);
    expect(run.stdout.length).toBe(1 << 20);
    expect(run.stderr).toBe("err");
    expect(run.code).toBe(3);
  });

  it("feeds standard input", async () => {
    const script = `let s = ""; process.stdin.on("data", (c) => (s += c)).on("end", () => console.log(s.toUpperCase()));`;
    expect((await runProcess(process.execPath, ["-e", script], { stdin: "abc" })).stdout).toBe(
      "ABC\n",
    );
  });
});

describe("startProcess", () => {
  it("waits for a line that arrives in several chunks", async () => {
    const started = startProcess(process.execPath, [
      "-e",
      dribble(["Rea", "dy at ", "http://x\n"]),
    ]);
    const match = await started.waitForOutput(/^Ready at (\S+)$/m);
    expect(match[1]).toBe("http://x");
    expect((await started.finished()).code).toBe(0);
  });

  it("fails, with the output, when the process ends before the condition", async () => {
    const started = startProcess(process.execPath, ["-e", `console.log("bye"); process.exit(4)`]);
    await expect(started.waitForOutput(/never/, "a line that never comes")).rejects.toThrow(
      /the process ended \(4\).*\n.*bye[\s\S]*before a line that never comes/,
    );
  });

  it("stop() sends the signal and resolves once the streams closed", async () => {
    const started = startProcess(process.execPath, [
      "-e",
      `process.on("SIGTERM", () => { console.log("stopping"); process.exit(0); }); console.log("up"); setInterval(() => {}, 1000);`,
    ]);
    await started.waitForOutput(/up/);
    const { code, stdout } = await started.stop();
    expect(code).toBe(0);
    expect(stdout).toContain("stopping");
  });
});

describe("waitUntil", () => {
  it("resolves with the first value a probe gives", async () => {
    let calls = 0;
    expect(await waitUntil(() => (++calls === 3 ? "third" : undefined), "the third call")).toBe(
      "third",
    );
  });

  it("names what it waited for at the deadline", async () => {
    await expect(waitUntil(() => undefined, "nothing", { timeoutMs: 1 })).rejects.toThrow(
      "waiting for nothing",
    );
  });
});
