// npm run bench:tests: the whole suite from an empty cache (turbo --force, builds included), timed:
// the wall time of the run, of each workspace's test task (turbo's run summary), the slowest test
// files and when they ran (each workspace's vitest JSON report), and the CPU time of every process
// of the run (user + system, from /proc: on two cores, a run can take no less than half of it).
// The baseline, measured before and after the run: the host's speed (./host-speed.ts), and the
// wall time as a multiple of it, which compares runs made at different speeds.
// Figures for the README, never assertions. A failing task does not stop the others
// (--continue): every workspace is timed.
// It runs `npm test` with these flags added; extra arguments go to turbo too (e.g. --filter=…; not
// --concurrency, which `npm test` sets and turbo takes only once). With --write-durations the cross
// tests, if they pass, record each file's whole time in test/durations.json, the order their files
// start in (test/sequencer.ts): commit it when files were added or changed much.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { durationsFile } from "../test/durations.ts";
import { hostSpeedMs } from "./host-speed.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const writeDurations = process.argv.includes("--write-durations");
const turboArgs = process.argv.slice(2).filter((arg) => arg !== "--write-durations");
const reports = mkdtempSync(join(tmpdir(), "klearstack-bench-tests-"));
const runs = join(root, ".turbo/runs");

interface TaskSummary {
  taskId: string;
  execution?: { startTime: number; endTime: number; exitCode: number | null };
}
interface VitestReport {
  success: boolean;
  numTotalTests: number;
  testResults: { name: string; startTime: number; endTime: number; status: string }[];
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * CPU time, in ms, of this process's children that have been waited for, and of theirs
 * (cutime + cstime of /proc/self/stat, in clock ticks of 10 ms on Linux).
 */
function childrenCpuMs(): number {
  const stat = readFileSync("/proc/self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // After "pid (comm) ": field 3 is state, so cutime (16) and cstime (17) are at 13 and 14.
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

const before = new Set(existsSync(runs) ? readdirSync(runs) : []);
const speedBefore = hostSpeedMs();
const cpuBefore = childrenCpuMs();
const started = Date.now();
// `npm test` itself (its turbo flags included, such as --concurrency), with these added.
const turbo = spawnSync(
  "npm",
  ["test", "--", "--force", "--continue", "--summarize", "--output-logs=errors-only", ...turboArgs],
  {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      TURBO_TELEMETRY_DISABLED: "1",
      TURBO_NO_UPDATE_NOTIFIER: "1",
      KLEARSTACK_TEST_REPORT_DIR: reports,
      ...(writeDurations && { KLEARSTACK_WRITE_DURATIONS: "1" }),
    },
  },
);
const wall = Date.now() - started;
const cpu = childrenCpuMs() - cpuBefore;
const speedAfter = hostSpeedMs();

try {
  const summaryFile = readdirSync(runs)
    .filter((name) => !before.has(name))
    .map((name) => join(runs, name))
    .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs)
    .at(-1);
  const tasks = summaryFile
    ? (JSON.parse(readFileSync(summaryFile, "utf8")) as { tasks: TaskSummary[] }).tasks
    : [];
  if (summaryFile) rmSync(summaryFile);
  const timed = tasks
    .flatMap(({ taskId, execution }) =>
      execution
        ? [
            {
              id: taskId,
              ms: execution.endTime - execution.startTime,
              span: `${((execution.startTime - started) / 1000).toFixed(0)} → ${((execution.endTime - started) / 1000).toFixed(0)}`,
            },
          ]
        : [],
    )
    .sort((a, b) => b.ms - a.ms);

  const files: { name: string; ms: number; startMs: number }[] = [];
  let tests = 0;
  for (const file of readdirSync(reports)) {
    const report = JSON.parse(readFileSync(join(reports, file), "utf8")) as VitestReport;
    tests += report.numTotalTests;
    for (const result of report.testResults)
      files.push({
        name: relative(root, result.name),
        ms: result.endTime - result.startTime,
        startMs: result.startTime - started,
      });
  }
  files.sort((a, b) => b.ms - a.ms);

  console.log(
    `\nnpm test from an empty cache: ${seconds(wall)} wall, ${seconds(cpu)} CPU (user + system), ${tests} tests, exit ${turbo.status}`,
  );
  const speed = (speedBefore + speedAfter) / 2;
  console.log(
    `Host speed (bench/host-speed.ts: a fixed loop's CPU time, lower is faster): ${speedBefore} ms before, ${speedAfter} ms after; the wall time is ${Math.round(wall / speed)} times the loop's`,
  );
  // When each ran (seconds after the run began): the longest task should start as early as it can.
  console.log("\nTask wall time (builds included), start → end:");
  for (const { id, ms, span } of timed)
    console.log(`  ${seconds(ms).padStart(8)}  ${span.padStart(11)}  ${id}`);
  console.log("\nThe ten slowest test files:");
  for (const { name, ms } of files.slice(0, 10))
    console.log(`  ${seconds(ms).padStart(8)}  ${name}`);
  // What ran beside what: a file slow here but quick alone waited for a core.
  console.log("\nFiles of 5 s or more, by start (seconds after the run began → end):");
  for (const { name, ms, startMs } of files
    .filter((f) => f.ms >= 5000)
    .sort((a, b) => a.startMs - b.startMs)) {
    const span = `${(startMs / 1000).toFixed(0)} → ${((startMs + ms) / 1000).toFixed(0)}`;
    console.log(`  ${span.padStart(11)}  ${name}`);
  }
  // The cross tests' reporter wrote them, or said in their output why not.
  if (writeDurations)
    console.log(
      `\nThe cross tests' file durations: ${relative(root, fileURLToPath(durationsFile))}`,
    );
} finally {
  rmSync(reports, { recursive: true, force: true });
}
process.exitCode = turbo.status ?? 1;
