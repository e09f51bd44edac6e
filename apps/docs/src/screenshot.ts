// `npm run screenshot -w @klearstack/docs`: rewrites apps/docs/screenshot.png and
// apps/docs/console-screenshot.png, the images the READMEs show, from the built page (run
// `npm run build` first). Tests never write it: another
// machine's fonts or Chromium change the PNG's bytes, and a test run must leave the tree clean.
// It shows the first bearer-protected operation (else the first), the one with the most to see:
// its form fields, its responses and a sample sending the bearer token from the environment.
// The second shows the try-it console with an answer in it (src/console/screenshot.ts).
// Usage: node src/screenshot.ts [--operation ID] [--out FILE] [--console-out FILE]
import { renameSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { launchChromium } from "@klearstack/chromium";
import { loadApiModel } from "@klearstack/spec";
import { distPage } from "./build.ts";
import { readWithCompressed } from "./compress.ts";
import { shootConsole } from "./console/screenshot.ts";
import { operationRoute, readBuiltPage } from "./page.ts";
import { serveDocs } from "./serve.ts";

const { values } = parseArgs({
  options: {
    operation: { type: "string" },
    out: { type: "string" },
    "console-out": { type: "string" },
  },
});
const out = values.out ?? fileURLToPath(new URL("../screenshot.png", import.meta.url));
const consoleOut =
  values["console-out"] ?? fileURLToPath(new URL("../console-screenshot.png", import.meta.url));
const model = await loadApiModel();
const op = values.operation
  ? model.operation(values.operation)
  : (model.operations.find((o) => o.bearer) ?? model.operations[0]);
if (!op) throw new Error("the spec has no operation to show");

readBuiltPage(); // fails with how to build the page when it is missing
const server = await serveDocs({ page: readWithCompressed(distPage), port: 0 });
const browser = await launchChromium();
try {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}#${operationRoute(op)}`);
  // Redoc's heading names start with "link to …": match the summary at the end.
  const summary = String(op.summary).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const heading = page.getByRole("heading", { name: new RegExp(`${summary}$`) });
  await heading.waitFor({ state: "visible" });
  await heading.scrollIntoViewIfNeeded();
  writePng(out, await page.screenshot());
  console.log(`screenshot: ${out} (${op.operationId})`);
  writePng(consoleOut, await shootConsole(await browser.context.newPage(), server.url, model));
  console.log(`screenshot: ${consoleOut} (the try-it console with an answer)`);
} finally {
  await browser.close();
  await server.close();
}

/** Through a rename, so nothing ever reads half a file. */
function writePng(file: string, png: Buffer): void {
  const next = `${file}.${process.pid}.tmp`;
  writeFileSync(next, png);
  renameSync(next, file);
}
