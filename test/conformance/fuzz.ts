// Test helper: runs `npm run conformance -- --fuzz` as a user would (a child process), with JSON
// and JUnit reports written to a temporary folder that is removed before it returns. Returns the
// run (output redacted, leaks by name), both reports, and the names of secrets found in them.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CheckName } from "@klearstack/conformance";
import { type ConformanceRun, conformance, type RunOptions } from "./cli.ts";
import { leakedTokens } from "./tokens.ts";

export interface FuzzReport {
  seed: number;
  ok: boolean;
  requests: number;
  budget: number;
  stopped: string | null;
  results: {
    check: CheckName;
    operationId: string;
    passed: number;
    failed: number;
    undocumented: number;
    failure: { label: string; problems: string[]; curl: string } | null;
  }[];
  undocumented: { check: CheckName; operationId: string; kind: string; seen: string }[];
  notRun: { operationId: string; why: string }[];
  cases: { operationId: string; kind: string; label: string; curl: string; got: string }[];
}

export interface FuzzRun extends ConformanceRun {
  report: FuzzReport;
  junit: string;
  /** Names of secrets found in either report. */
  leakedInReports: string[];
}

export async function fuzz(args: string[], options: RunOptions = {}): Promise<FuzzRun> {
  const dir = mkdtempSync(join(tmpdir(), "klearstack-fuzz-"));
  try {
    const json = join(dir, "report.json");
    const junit = join(dir, "report.xml");
    const run = await conformance(["--fuzz", ...args, "--json", json, "--junit", junit], options);
    let report: FuzzReport;
    let xml: string;
    try {
      report = JSON.parse(readFileSync(json, "utf8")) as FuzzReport;
      xml = readFileSync(junit, "utf8");
    } catch (error) {
      throw new Error(`the run wrote no reports (exit ${run.code}): ${run.output}\n${error}`);
    }
    const extra = options.secrets?.() ?? [];
    const leakedInReports = [
      ...new Set([...leakedTokens(JSON.stringify(report), extra), ...leakedTokens(xml, extra)]),
    ];
    return { ...run, report, junit: xml, leakedInReports };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The checks that failed somewhere in the run. */
export const failedChecks = (report: FuzzReport): Set<CheckName> =>
  new Set(report.results.filter((r) => r.failed > 0).map((r) => r.check));
