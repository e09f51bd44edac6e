// The try-it console (console-suite.ts) on the page built from the fixture spec (an operation the
// code has never seen), opened as a file and built with its mock as first server. The fixture spec
// is the product spec plus that operation: the product's operations have their tests in
// console.test.ts, so here only the operations the product spec lacks have theirs. On the same
// page (one load of it): each field kind's control (console-field-kinds.ts), and the operation's
// own section in Redoc, with its heading, path and first generated sample.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { buildDocs, operationRoute, readBuiltPage, samplesInPage } from "@klearstack/docs";
import { loadApiModel, specPath } from "@klearstack/spec";
import { UNSEEN_OPERATION_ID, writeUnseenOperationSpec } from "@klearstack/spec/fixtures";
import { afterAll, describe, expect, it } from "vitest";
import { describeFieldKinds } from "./console-field-kinds.ts";
import { describeConsole, type OpenedConsole } from "./console-suite.ts";

const work = mkdtempSync(join(tmpdir(), "klearstack-console-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const fixtureSpec = writeUnseenOperationSpec(work);
const model = await loadApiModel(fixtureSpec);
const product = new Set((await loadApiModel(specPath)).operations.map((op) => op.operationId));
const unseen = model.operation(UNSEEN_OPERATION_ID);
const builtPage = join(work, "fixture", "index.html");

describeConsole({
  name: "the fixture spec's page (an operation never seen), opened as a file, built for its mock",
  spec: fixtureSpec,
  model,
  covers: (operationId) => !product.has(operationId),
  async page(mockUrl) {
    // No route check in the build (a Chromium of its own): these tests open every operation's
    // console at its route in the page themselves, which is what the check looks for.
    const out = await buildDocs({
      spec: fixtureSpec,
      serverUrl: mockUrl,
      out: builtPage,
      checkRoutes: false,
      precompress: false,
    });
    return { url: pathToFileURL(out).href, close: async () => {} };
  },
  alsoOnThisPage(opened) {
    describeFieldKinds(model, unseen, opened);
    describeUnseenSection(opened);
  },
});

/** The unseen operation's own section in Chromium, as Redoc shows it from the built page. */
function describeUnseenSection(opened: () => OpenedConsole) {
  describe("the docs of the operation never seen", () => {
    it("give it its own section in Chromium: heading, path and the first sample tab", async () => {
      const { page, url } = opened();
      const route = operationRoute(unseen);
      await page.goto(`${url}#${route}`);
      const section = page.locator(`[data-section-id="${route}"]`);
      const summary = String(unseen.summary).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      await section.getByRole("heading", { name: new RegExp(`${summary}$`) }).waitFor();
      await expect(section.getByText(unseen.path).first().isVisible()).resolves.toBe(true);
      const [first] = samplesInPage(readBuiltPage(builtPage)).get(unseen.operationId) ?? [];
      const shown = await section.locator("pre").first().innerText();
      expect(first, "the page carries the operation's samples").toBeDefined();
      expect(shown.trim()).toBe(first?.source.trim());
    });
  });
}
