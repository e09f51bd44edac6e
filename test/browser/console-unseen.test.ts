// The try-it console (console-suite.ts) on the page built from the fixture spec (an operation the
// code has never seen), opened as a file and built with its mock as first server. The fixture spec is
// the product spec plus that operation: the product's operations have their tests in console.test.ts,
// so here only the operations the product spec lacks have theirs.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { buildDocs } from "@klearstack/docs";
import { loadApiModel, specPath } from "@klearstack/spec";
import { writeUnseenOperationSpec } from "@klearstack/spec/fixtures";
import { afterAll } from "vitest";
import { describeConsole } from "./console-suite.ts";

const work = mkdtempSync(join(tmpdir(), "klearstack-console-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const fixtureSpec = writeUnseenOperationSpec(work);
const product = new Set((await loadApiModel(specPath)).operations.map((op) => op.operationId));

describeConsole({
  name: "the fixture spec's page (an operation never seen), opened as a file, built for its mock",
  spec: fixtureSpec,
  model: await loadApiModel(fixtureSpec),
  covers: (operationId) => !product.has(operationId),
  async page(mockUrl) {
    // No route check in the build (a Chromium of its own): these tests open every operation's
    // route in the page themselves, and apps/docs' unseen-operation test checks the build's.
    const out = await buildDocs({
      spec: fixtureSpec,
      serverUrl: mockUrl,
      out: join(work, "fixture", "index.html"),
      checkRoutes: false,
      precompress: false,
    });
    return { url: pathToFileURL(out).href, close: async () => {} };
  },
});
