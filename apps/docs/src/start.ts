// `npm start`: the mock on 127.0.0.1:MOCK_PORT (4010) and the docs on 127.0.0.1:DOCS_PORT (8080),
// the docs listing and calling that mock. A spec edit rebuilds the docs (the mock reloads itself).
// Everything runs in this one process except a rebuild, which runs as a child so the mock keeps
// answering meanwhile; Ctrl-C (SIGINT) or SIGTERM closes both servers and ends any rebuild.
// Usage: node src/start.ts [--spec FILE]
import { type ChildProcess, spawn } from "node:child_process";
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  watch,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startMock } from "@klearstack/mock";
import { specPath as defaultSpecPath, loadApiModel } from "@klearstack/spec";
import { distPage, redoclyConfigPath } from "./build.ts";
import { readWithCompressed } from "./compress.ts";
import { documentInPage, operationRoute } from "./page.ts";
import { serveDocs } from "./serve.ts";

const host = "127.0.0.1";
const buildScript = fileURLToPath(new URL("./build.ts", import.meta.url));

const { values } = parseArgs({ options: { spec: { type: "string" } } });
const specPath = values.spec ?? defaultSpecPath;
const mockPort = portFrom("MOCK_PORT", 4010);
const docsPort = portFrom("DOCS_PORT", 8080);

const mock = await startMock({ host, port: mockPort, specPath, watch: true });
const work = mkdtempSync(join(tmpdir(), "klearstack-start-"));
const ownPage = join(work, "index.html");
let building: ChildProcess | undefined;
let stopping = false;

// The built page is reused when it points at this mock and is newer than the spec, redocly.yaml
// and this folder (the generator); otherwise start builds its own copy in a temp dir.
const page = distIsCurrent() ? distPage : await build();
const docs = await serveDocs({ page: readWithCompressed(page), host, port: docsPort });

// Every operation, twice: the mock endpoint to call, and the page section that documents it.
const operations = (await loadApiModel(specPath)).operations;
console.log(`Mock: ${mock.url}`);
for (const op of operations) {
  const auth = op.bearer ? `  (${op.bearer.parameterName}: Bearer …)` : "";
  console.log(`  ${op.method.toUpperCase()} ${mock.url}${op.path}${auth}`);
}
console.log(`Docs: ${docs.url}`);
for (const op of operations) console.log(`  ${docs.url}#${operationRoute(op)}`);
console.log("Watching the spec; Ctrl-C stops both.");

const watcher = watchSpec(async () => {
  try {
    docs.setPage(readWithCompressed(await build()));
    console.log("Docs rebuilt from the edited spec.");
  } catch (error) {
    console.error(
      `Docs not rebuilt, still serving the last good page: ${(error as Error).message}`,
    );
  }
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    watcher.close();
    building?.kill("SIGTERM");
    Promise.allSettled([docs.close(), mock.close()]).then(() => {
      rmSync(work, { recursive: true, force: true });
      console.log("Stopped the mock and the docs.");
      process.exit(0);
    });
  });
}

function portFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${name} must be a port number (0-65535), got "${raw}"`);
  }
  return port;
}

function distIsCurrent(): boolean {
  if (specPath !== defaultSpecPath || !existsSync(distPage)) return false;
  const built = statSync(distPage).mtimeMs;
  const sourceDir = dirname(buildScript);
  const sources = [
    specPath,
    redoclyConfigPath,
    ...readdirSync(sourceDir).map((f) => join(sourceDir, f)),
  ];
  if (sources.some((source) => statSync(source).mtimeMs > built)) return false;
  return documentInPage(readFileSync(distPage, "utf8")).servers?.[0]?.url === mock.url;
}

/** Builds the page for this mock into the temp dir, in a child process. */
function build(): Promise<string> {
  return new Promise((resolve, reject) => {
    const args = [buildScript, "--server-url", mock.url, "--out", ownPage, "--spec", specPath];
    const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
    building = child;
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("exit", (code, signal) => {
      building = undefined;
      if (code === 0) resolve(ownPage);
      else reject(new Error(`docs build failed (${signal ?? `exit ${code}`}): ${stderr.trim()}`));
    });
  });
}

/** Calls `rebuild` after the spec file settles; edits during a rebuild queue one more. */
function watchSpec(rebuild: () => Promise<void>) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = rebuild().finally(() => {
      running = undefined;
      if (again && !stopping) {
        again = false;
        run();
      }
    });
  };
  // Watch the folder, not the file: editors save by replacing the file, which ends a file watch.
  return watch(dirname(specPath), (_event, name) => {
    if (name !== basename(specPath)) return;
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  });
}
