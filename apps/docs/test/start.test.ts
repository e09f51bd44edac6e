// `npm start` end to end: the real script, the real mock, the real docs build. Ports come from the
// environment (0: the system picks free ones, so parallel runs never clash with 4010/8080).
import { type ChildProcess, spawn } from "node:child_process";
import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadApiModel, loadSpec, specPath } from "@klearstack/spec";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { documentInPage, operationRoute } from "../src/page.ts";

const startScript = fileURLToPath(new URL("../src/start.ts", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "klearstack-start-test-"));
const spec = join(work, "openapi.yaml");
const model = await loadApiModel();
let child: ChildProcess;
let output = "";
let mockUrl: string;
let docsUrl: string;

beforeAll(async () => {
  copyFileSync(specPath, spec);
  // detached: the script leads its own process group, so anything it leaves behind is findable.
  child = spawn(process.execPath, [startScript, "--spec", spec], {
    env: { ...process.env, MOCK_PORT: "0", DOCS_PORT: "0" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  mockUrl = await waitFor(() => /^Mock: (\S+)/m.exec(output)?.[1], "the mock URL");
  docsUrl = await waitFor(() => /^Docs: (\S+)/m.exec(output)?.[1], "the docs URL");
}, 60_000);

afterAll(() => {
  if (child.exitCode === null) process.kill(-child.pid!, "SIGKILL");
  rmSync(work, { recursive: true, force: true });
});

describe("npm start", () => {
  it("prints both URLs, on 127.0.0.1, at the ports the environment asked for", () => {
    expect(mockUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(docsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it("lists every operation: its mock endpoint and its place on the page", () => {
    for (const op of model) {
      expect(output, op.operationId).toContain(`${op.method.toUpperCase()} ${mockUrl}${op.path}`);
      expect(output, op.operationId).toContain(`${docsUrl}#${operationRoute(op)}`);
    }
  });

  it("serves the docs compressed, listing and calling the mock it started", async () => {
    const res = await fetch(docsUrl, { headers: { "accept-encoding": "br, gzip" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("br");
    const page = await res.text();
    expect(documentInPage(page).servers?.[0]?.url).toBe(mockUrl);
    for (const op of model) expect(page, op.operationId).toContain(`${mockUrl}${op.path}`);
  });

  it("serves the mock: every operation answers a status the spec documents for it", async () => {
    for (const op of model) {
      const res = await fetch(`${mockUrl}${op.path}`, {
        method: op.method.toUpperCase(),
        body: new URLSearchParams(op.exampleFields),
      });
      await res.body?.cancel();
      expect(
        op.responses.map((r) => r.status),
        op.operationId,
      ).toContain(String(res.status));
    }
  });

  it("rebuilds the docs when the spec changes", async () => {
    // A new summary for every operation, in the spec as written.
    const edited = loadSpec(spec);
    for (const op of model) {
      edited.paths[op.path]![op.method]!.summary = `${op.operationId} 4711`;
    }
    writeFileSync(spec, stringify(edited));
    await waitFor(async () => {
      const page = await (await fetch(docsUrl)).text();
      return model.operations.every((op) => page.includes(`${op.operationId} 4711`)) || undefined;
    }, "the rebuilt page");
  }, 60_000);

  it("stops both on Ctrl-C (SIGINT): exit 0, ports closed, no process left behind", async () => {
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(processesInGroup(child.pid!)).toEqual([]);
    for (const url of [mockUrl, docsUrl]) {
      await expect(fetch(url), url).rejects.toThrow();
    }
    expect(output).toContain("Stopped the mock and the docs.");
  }, 20_000);
});

async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string) {
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`start exited (${child.exitCode}) before ${what}:\n${output}`);
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}:\n${output}`);
}

/** Pids whose process group is `group` (field 5 of /proc/PID/stat). */
function processesInGroup(group: number): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]) === group;
      } catch {
        return false; // exited while we looked
      }
    })
    .map(Number);
}
