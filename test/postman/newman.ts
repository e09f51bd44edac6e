// Test helper: runs the generated collection with the real newman CLI (a child process, so its
// exit code is the one a CI job would see) and reads its JSON report. Nothing is mocked.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { collectionFile, environmentFile } from "@klearstack/postman";
import { leakedTokens, redactTokens } from "../conformance/tokens.ts";

const newmanBin = createRequire(import.meta.url).resolve("newman/bin/newman.js");

export interface NewmanRun {
  code: number;
  /** newman's CLI report, known tokens and anything JWT-shaped redacted (safe in a failure message). */
  output: string;
  /** Names of known tokens whose text newman printed. */
  leaked: string[];
  /** Names of passed and failed assertions, in run order. */
  passed: string[];
  failed: string[];
  requests: number;
}

interface Report {
  run: {
    stats: { requests: { total: number } };
    executions: { assertions?: { assertion: string; error?: unknown }[] }[];
  };
}

export function runCollection(baseUrl: string): Promise<NewmanRun> {
  if (!existsSync(collectionFile))
    throw new Error("no collection built: run `npm run build` (npm test builds it through turbo)");
  const dir = mkdtempSync(join(tmpdir(), "klearstack-newman-"));
  const reportFile = join(dir, "report.json");
  const args = [
    newmanBin,
    "run",
    fileURLToPath(collectionFile),
    "--environment",
    fileURLToPath(environmentFile),
    "--env-var",
    `baseUrl=${baseUrl}`,
    "--reporters",
    "cli,json",
    "--reporter-json-export",
    reportFile,
    "--color",
    "off",
    "--disable-unicode",
  ];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      // newman 6 trips Node 24's deprecation warnings (fs.F_OK, util.isArray): noise, not news.
      { env: { ...process.env, NODE_OPTIONS: "--no-deprecation" } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        const report = JSON.parse(readFileSync(reportFile, "utf8")) as Report;
        rmSync(dir, { recursive: true, force: true });
        const assertions = report.run.executions.flatMap((e) => e.assertions ?? []);
        resolve({
          code,
          output: redactTokens(stdout + stderr),
          leaked: leakedTokens(stdout + stderr),
          passed: assertions.filter((a) => !a.error).map((a) => a.assertion),
          failed: assertions.filter((a) => a.error).map((a) => a.assertion),
          requests: report.run.stats.requests.total,
        });
      },
    );
  });
}
