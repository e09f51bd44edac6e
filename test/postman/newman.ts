// Test helper: runs a generated collection with the real newman CLI (a child process, so its exit
// code is the one a CI job would see) and reads its JSON report. Nothing is mocked. What newman
// printed reaches a test only masked; the secrets it must never print are reported by name.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { collectionFile, environmentFile } from "@klearstack/postman";
import { SecretMasker } from "@klearstack/spec";
import { carriesSecret, type KnownSecret, secretParts } from "@klearstack/test-support/leaks";
import { runProcess } from "@klearstack/test-support/process";

const newmanBin = createRequire(import.meta.url).resolve("newman/bin/newman.js");

export type { KnownSecret } from "@klearstack/test-support/leaks";

export interface Execution {
  /** The collection item's name. */
  item: string;
  method: string;
  /** The request path, e.g. /access/... */
  path: string;
  passed: string[];
  failed: string[];
}

export interface NewmanRun {
  code: number;
  /** newman's CLI report with every known secret and anything token-shaped masked. */
  output: string;
  /** Names of known secrets whose text newman printed. */
  leaked: string[];
  /** Names of passed and failed assertions, in run order. */
  passed: string[];
  failed: string[];
  executions: Execution[];
  requests: number;
}

interface Report {
  run: {
    stats: { requests: { total: number } };
    executions: {
      item: { name: string };
      request: { method: string; url: { path?: string[] } };
      assertions?: { assertion: string; error?: unknown }[];
    }[];
  };
}

export interface RunOptions {
  baseUrl: string;
  /** Default: the built collection (apps/postman/dist). An object is written to a temp file. */
  collection?: object;
  /** Values newman must never print (tokens a server issued, secret field values). */
  secrets?: () => KnownSecret[];
}

export async function runCollection({
  baseUrl,
  collection,
  secrets,
}: RunOptions): Promise<NewmanRun> {
  if (!collection && !existsSync(collectionFile))
    throw new Error("no collection built: run `npm run build` (npm test builds it through turbo)");
  const dir = mkdtempSync(join(tmpdir(), "klearstack-newman-"));
  const reportFile = join(dir, "report.json");
  const collectionPath = join(dir, "collection.json");
  if (collection) writeFileSync(collectionPath, JSON.stringify(collection));
  // A file param (formdata `type: file`) is read from the working directory: what a Postman user
  // has is the file it names, so each one is written there.
  const collectionText = collection
    ? JSON.stringify(collection)
    : readFileSync(fileURLToPath(collectionFile), "utf8");
  for (const match of collectionText.matchAll(/"type":"file","src":"([\w.-]+)"/g)) {
    writeFileSync(join(dir, match[1] ?? "file"), "sample file\n");
  }
  const args = [
    newmanBin,
    "run",
    collection ? collectionPath : fileURLToPath(collectionFile),
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
    "--working-dir",
    dir,
  ];
  try {
    // newman 6 trips Node 24's deprecation warnings (fs.F_OK, util.isArray): noise, not news.
    const finished = await runProcess(process.execPath, args, {
      env: { ...process.env, NODE_OPTIONS: "--no-deprecation" },
    });
    const { stdout, stderr } = finished;
    const code = finished.code ?? -1;
    // newman wraps long console lines as "\n  | ...": joined again, a token is whole.
    const printed = (stdout + stderr).replace(/\r?\n[ \t]*\|[ \t]?/g, "");
    const known = secrets?.() ?? [];
    const masker = new SecretMasker(known.flatMap((s) => [s.text, ...secretParts(s.text)]));
    if (!existsSync(reportFile))
      throw new Error(`newman wrote no report (exit ${code}):\n${masker.mask(printed)}`);
    const report = JSON.parse(readFileSync(reportFile, "utf8")) as Report;
    const executions = report.run.executions.map((e) => ({
      item: e.item.name,
      method: e.request.method,
      path: `/${(e.request.url.path ?? []).join("/")}`,
      passed: (e.assertions ?? []).filter((a) => !a.error).map((a) => a.assertion),
      failed: (e.assertions ?? []).filter((a) => a.error).map((a) => a.assertion),
    }));
    return {
      code,
      output: masker.mask(printed),
      leaked: known.filter((s) => carriesSecret(printed, [s.text])).map((s) => s.name),
      passed: executions.flatMap((e) => e.passed),
      failed: executions.flatMap((e) => e.failed),
      executions,
      requests: report.run.stats.requests.total,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
