// The unseen operation ↔ docs: the docs build, run on the fixture spec with an operation no code
// here names, documents it like any other: the page embeds it with its generated samples. What
// Chromium shows of it is checked on the page the cross tests build from the same spec and open
// (test/browser/console-unseen.test.ts): its section (heading, path, first sample tab), and its
// console opened at the route the build's route check looks for, so this build skips that check:
// one load of that page, not two (about 4 s of CPU each). Built into a temp folder, removed after.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadApiModel, type OperationModel } from "@klearstack/spec";
import { UNSEEN_OPERATION_ID, writeUnseenOperationSpec } from "@klearstack/spec/fixtures";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDocs } from "../src/build.ts";
import { readBuiltPage, samplesInPage } from "../src/page.ts";
import { codeSamplesFor, defaultServerUrl, httpSampleKinds } from "../src/samples.ts";

const work = mkdtempSync(join(tmpdir(), "klearstack-docs-unseen-"));
const specPath = writeUnseenOperationSpec(work);
const model = await loadApiModel(specPath);
const op: OperationModel = model.operation(UNSEEN_OPERATION_ID);
let page: string;
let html: string;

beforeAll(async () => {
  page = await buildDocs({
    spec: specPath,
    out: join(work, "dist", "index.html"),
    checkRoutes: false,
    precompress: false,
  });
  html = readBuiltPage(page);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

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
});
