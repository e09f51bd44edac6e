// Test helper: runs a generated collection with the real newman and reads its JSON report. Nothing
// is mocked. `runCollection` runs the CLI (a child process, so its exit code is the one a CI job
// would see); `startNewman` keeps newman loaded in a worker thread for a file that runs many
// collections (the drift cases), with the CLI's reporters and exit-code rule. What newman printed
// reaches a test only masked; the secrets it must never print are reported by name.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { collectionFile, environmentFile } from "@klearstack/postman";
import { SecretMasker } from "@klearstack/spec";
import { carriesSecret, type KnownSecret, secretParts } from "@klearstack/test-support/leaks";
import { runProcess, waitUntil } from "@klearstack/test-support/process";

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

/** A scratch folder holding what one run reads (the collection, its files) and writes. */
interface Prepared {
  dir: string;
  collectionPath: string;
  reportFile: string;
}

function prepare(collection: object | undefined): Prepared {
  if (!collection && !existsSync(collectionFile))
    throw new Error("no collection built: run `npm run build` (npm test builds it through turbo)");
  const dir = mkdtempSync(join(tmpdir(), "klearstack-newman-"));
  const collectionPath = collection ? join(dir, "collection.json") : fileURLToPath(collectionFile);
  if (collection) writeFileSync(collectionPath, JSON.stringify(collection));
  // A file param (formdata `type: file`) is read from the working directory: what a Postman user
  // has is the file it names, so each one is written there.
  const collectionText = JSON.stringify(JSON.parse(readFileSync(collectionPath, "utf8")));
  for (const match of collectionText.matchAll(/"type":"file","src":"([\w.-]+)"/g)) {
    writeFileSync(join(dir, match[1] ?? "file"), "sample file\n");
  }
  return { dir, collectionPath, reportFile: join(dir, "report.json") };
}

/** What newman printed and reported, masked, with the secrets it printed named. */
function readRun(
  { reportFile }: Prepared,
  code: number,
  output: string,
  secrets: RunOptions["secrets"],
): NewmanRun {
  // newman wraps long console lines as "\n  | ...": joined again, a token is whole.
  const printed = output.replace(/\r?\n[ \t]*\|[ \t]?/g, "");
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
}

/** The newman CLI, as a CI job runs it. */
export async function runCollection({
  baseUrl,
  collection,
  secrets,
}: RunOptions): Promise<NewmanRun> {
  const prepared = prepare(collection);
  const args = [
    newmanBin,
    "run",
    prepared.collectionPath,
    "--environment",
    fileURLToPath(environmentFile),
    "--env-var",
    `baseUrl=${baseUrl}`,
    "--reporters",
    "cli,json",
    "--reporter-json-export",
    prepared.reportFile,
    "--color",
    "off",
    "--disable-unicode",
    "--working-dir",
    prepared.dir,
  ];
  try {
    // newman 6 trips Node 24's deprecation warnings (fs.F_OK, util.isArray): noise, not news.
    const { code, stdout, stderr } = await runProcess(process.execPath, args, {
      env: { ...process.env, NODE_OPTIONS: "--no-deprecation" },
    });
    return readRun(prepared, code ?? -1, stdout + stderr, secrets);
  } finally {
    rmSync(prepared.dir, { recursive: true, force: true });
  }
}

export interface LoadedNewman {
  /** One run, with the CLI's options, reporters and exit-code rule (newman-worker.ts). */
  run(options: RunOptions): Promise<NewmanRun>;
  close(): Promise<void>;
}

/**
 * newman loaded once, in a worker thread, for a file that runs many collections: a run costs about
 * a third of the CPU of a CLI process (most of which is loading newman). The worker runs one
 * collection at a time (its stdout up to the end marker it writes after a run is that run's
 * output), so runs asked for together queue, each starting once the one before has ended.
 */
export function startNewman(): LoadedNewman {
  const worker = loadNewman();
  let queue: Promise<unknown> = Promise.resolve();
  return {
    run(options) {
      const run = queue.then(() => worker.run(options));
      queue = run.catch(() => {});
      return run;
    },
    close: () => worker.close(),
  };
}

/** One worker thread with newman loaded; its caller runs one collection on it at a time. */
function loadNewman(): LoadedNewman {
  const worker = new Worker(new URL("./newman-worker.ts", import.meta.url), {
    stdout: true,
    stderr: true,
  });
  let printed = "";
  let failure: Error | undefined;
  const exits = new Map<number, { code: number; error?: string }>();
  worker.stdout.setEncoding("utf8").on("data", (chunk: string) => (printed += chunk));
  worker.stderr.setEncoding("utf8").on("data", (chunk: string) => (printed += chunk));
  worker.on("message", (m: { id: number; code: number; error?: string }) => exits.set(m.id, m));
  worker.on("error", (error) => (failure = error));
  worker.on("exit", (code) => (failure ??= new Error(`the newman worker exited (${code})`)));
  let runs = 0;

  return {
    async run({ baseUrl, collection, secrets }) {
      const prepared = prepare(collection);
      const id = ++runs;
      const marker = `\n-- klearstack newman run ${id} done --\n`;
      const from = printed.length;
      try {
        worker.postMessage({
          id,
          marker,
          options: {
            collection: prepared.collectionPath,
            environment: fileURLToPath(environmentFile),
            envVar: [{ key: "baseUrl", value: baseUrl }],
            reporter: { json: { export: prepared.reportFile } },
            color: "off",
            disableUnicode: true,
            workingDir: prepared.dir,
          },
        });
        const abandon = () => failure?.message;
        const exit = await waitUntil(() => exits.get(id), `newman run ${id} to end`, { abandon });
        const end = await waitUntil(
          () => {
            const at = printed.indexOf(marker, from);
            return at < 0 ? undefined : at;
          },
          `newman run ${id}'s output to end`,
          { abandon },
        );
        if (exit.error) throw new Error(`newman could not run: ${exit.error}`);
        return readRun(prepared, exit.code, printed.slice(from, end), secrets);
      } finally {
        rmSync(prepared.dir, { recursive: true, force: true });
      }
    },
    async close() {
      await worker.terminate();
    },
  };
}
