// The unseen operation ↔ docs: the docs build, run on the fixture spec with an operation no code
// here names, documents it like any other: the page embeds it with its generated samples, and in
// Chromium it has its own section, heading and sample tabs. Built into a temp folder, removed after.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { loadApiModel, type OperationModel } from "@klearstack/spec";
import { UNSEEN_OPERATION_ID, writeUnseenOperationSpec } from "@klearstack/spec/fixtures";
import { openBrowser } from "@klearstack/test-support/chromium";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDocs } from "../src/build.ts";
import { operationRoute, readBuiltPage, samplesInPage } from "../src/page.ts";
import { codeSamplesFor, defaultServerUrl, httpSampleKinds } from "../src/samples.ts";

const work = mkdtempSync(join(tmpdir(), "klearstack-docs-unseen-"));
const specPath = writeUnseenOperationSpec(work);
const model = await loadApiModel(specPath);
const op: OperationModel = model.operation(UNSEEN_OPERATION_ID);
let page: string;
let html: string;

let browser: Awaited<ReturnType<typeof openBrowser>>;

beforeAll(async () => {
  browser = await openBrowser();
  // The build's route check runs in the test run's Chromium (the same check; the build's own
  // launch is the only difference).
  page = await buildDocs({
    spec: specPath,
    out: join(work, "dist", "index.html"),
    browser,
    precompress: false,
  });
  html = readBuiltPage(page);
});
afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

describe("the docs built from a spec with an operation the code has never seen", () => {
  it("embed it with the samples generated for it, every HTTP tab reading the bearer token", () => {
    const samples = samplesInPage(html).get(op.operationId) ?? [];
    expect(samples).toEqual(codeSamplesFor(op, defaultServerUrl(model)));
    expect(samples.map((s) => s.label)).toEqual(
      expect.arrayContaining(httpSampleKinds.map((k) => k.label)),
    );
    for (const sample of samples) {
      expect(sample.source, sample.label).toContain(`${defaultServerUrl(model)}${op.path}`);
      expect(sample.source, sample.label).toContain(op.bearer?.envVar);
    }
  });

  it("keep documenting every other operation of that spec", () => {
    const shown = samplesInPage(html);
    expect([...shown.keys()]).toEqual(model.operations.map((o) => o.operationId));
  });

  it("give it its own section in Chromium: heading, path and the first sample tab", async () => {
    const tab = await browser.context.newPage();
    try {
      await tab.goto(`${pathToFileURL(page).href}#${operationRoute(op)}`);
      const section = tab.locator(`[data-section-id="${operationRoute(op)}"]`);
      const summary = String(op.summary).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      await section.getByRole("heading", { name: new RegExp(`${summary}$`) }).waitFor();
      await expect(section.getByText(op.path).first().isVisible()).resolves.toBe(true);
      const [first] = samplesInPage(html).get(op.operationId) ?? [];
      const shown = await section.locator("pre").first().innerText();
      expect(shown.trim()).toBe(first?.source.trim());
    } finally {
      await tab.close();
    }
  });
});
