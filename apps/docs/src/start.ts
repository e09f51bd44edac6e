// `npm start`: the mock on 127.0.0.1:MOCK_PORT (4010) and the docs on 127.0.0.1:DOCS_PORT (8080),
// the docs listing and calling that mock. The docs are the dev page (dev-page.ts): a spec edit
// remakes it at once and every open tab reloads itself (live-reload.ts), and the mock reloads it:
// one spec watcher serves both.
// Everything runs in this one process; Ctrl-C (SIGINT) or SIGTERM closes both.
// Usage: node src/start.ts [--spec FILE]
import { parseArgs } from "node:util";
import { startMock } from "@klearstack/mock";
import { specPath as defaultSpecPath } from "@klearstack/spec";
import { buildDevPage } from "./dev-page.ts";
import { serveDevDocs } from "./dev-server.ts";
import { operationRoute } from "./page.ts";
import { watchSpec } from "./watch-spec.ts";

const host = "127.0.0.1";
const { values } = parseArgs({ options: { spec: { type: "string" } } });
const specPath = values.spec ?? defaultSpecPath;
const mockPort = portFrom("MOCK_PORT", 4010);
const docsPort = portFrom("DOCS_PORT", 8080);

const mock = await startMock({ host, port: mockPort, specPath });
const { html, model } = await buildDevPage(specPath, mock.url);
const docs = await serveDevDocs({ html, host, port: docsPort });
let stopping = false;

// Every operation, twice: the mock endpoint to call, and the page section that documents it.
console.log(`Mock: ${mock.url}`);
for (const op of model) {
  const auth = op.bearer ? `  (${op.bearer.parameterName}: Bearer …)` : "";
  console.log(`  ${op.method.toUpperCase()} ${mock.url}${op.path}${auth}`);
}
console.log(`Docs: ${docs.url}`);
for (const op of model) console.log(`  ${docs.url}#${operationRoute(op)}`);
console.log("Watching the spec; open tabs reload on every edit. Ctrl-C stops both.");

const watcher = watchSpec(specPath, async () => {
  const started = performance.now();
  const mockReloaded = mock.reload().catch((error: Error) => {
    console.error(`Mock kept the previous spec: ${error.message}`);
  });
  try {
    docs.setPage((await buildDevPage(specPath, mock.url)).html);
    console.log(
      `Docs updated from the edited spec in ${Math.round(performance.now() - started)} ms.`,
    );
  } catch (error) {
    console.error(
      `Docs not updated, still serving the last good page: ${(error as Error).message}`,
    );
  }
  await mockReloaded;
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    watcher.close();
    Promise.allSettled([docs.close(), mock.close()]).then(() => {
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
