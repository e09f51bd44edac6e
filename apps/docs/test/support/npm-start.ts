// `npm start`'s script (src/start.ts) run as its own process on a copy of the spec in a temp
// folder, both ports 0 (the system picks free ones, so runs never clash with 4010/8080), for the
// end-to-end test and the dev-loop benchmark. Editing `spec` is editing what the script watches.
import type { ChildProcess } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadApiModel, loadSpec, type OperationModel, specPath } from "@klearstack/spec";
import { startProcess, waitUntil } from "@klearstack/test-support/process";
import { stringify } from "yaml";

const startScript = fileURLToPath(new URL("../../src/start.ts", import.meta.url));

export interface NpmStart {
  child: ChildProcess;
  /** The spec copy the script watches. */
  spec: string;
  mockUrl: string;
  docsUrl: string;
  /** Everything the script printed so far, stdout and stderr. */
  readonly output: string;
  /** Polls `probe` until it gives a value; fails with the output if the script ends first. */
  waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string): Promise<T>;
  /**
   * Pids still in the script's process group (it leads its own: it is started detached) once its
   * helpers had up to 30 s to end: a child that reads its stdin (esbuild's service, for the console)
   * ends when its parent has, not with it.
   */
  leftBehind(): Promise<number[]>;
  /** Kills whatever of the process group still runs, and removes the temp folder. */
  cleanUp(): void;
}

export async function runNpmStart(): Promise<NpmStart> {
  const work = mkdtempSync(join(tmpdir(), "klearstack-npm-start-"));
  const spec = join(work, "openapi.yaml");
  copyFileSync(specPath, spec);
  const started = startProcess(process.execPath, [startScript, "--spec", spec], {
    env: { ...process.env, MOCK_PORT: "0", DOCS_PORT: "0" },
    detached: true,
  });
  const { child } = started;
  const cleanUp = () => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, "SIGKILL");
    rmSync(work, { recursive: true, force: true });
  };
  try {
    return {
      child,
      spec,
      mockUrl: (await started.waitForOutput(/^Mock: (\S+)/m, "the mock URL"))[1] ?? "",
      docsUrl: (await started.waitForOutput(/^Docs: (\S+)/m, "the docs URL"))[1] ?? "",
      get output() {
        return started.output();
      },
      waitFor: started.waitFor,
      leftBehind: () =>
        waitUntil(
          () => (processesInGroup(child.pid!).length ? undefined : []),
          "the process group to end",
          { timeoutMs: 30_000, intervalMs: 50 },
        ).catch(() => processesInGroup(child.pid!)),
      cleanUp,
    };
  } catch (error) {
    cleanUp();
    throw error;
  }
}

/** The spec's text with a new summary for every operation: an edit every page section shows. */
export async function specWithSummaries(summary: (op: OperationModel) => string): Promise<string> {
  const edited = loadSpec(specPath);
  for (const op of await loadApiModel(specPath)) {
    const operation = edited.paths[op.path]?.[op.method];
    if (!operation) throw new Error(`the spec has no ${op.method} ${op.path}`);
    operation.summary = summary(op);
  }
  return stringify(edited);
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
