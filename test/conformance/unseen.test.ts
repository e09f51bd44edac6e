// unseen operation ↔ conformance: a spec with an operation the code has never seen (bearer
// protected, a body of another shape, no tokens) is checked from the document alone, through
// --spec, against a stand-in and against the real mock serving that spec. Through a recording
// proxy in front of the mock, every field kind of it (a number, a boolean, an enum, an array as
// repeated keys, a file part in multipart) is seen on the wire and answered 200, and a value its
// schema refuses gets the mock's 400 naming the field.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useMock } from "@klearstack/mock/testing";
import { loadApiModel } from "@klearstack/spec";
import { UNSEEN_OPERATION_ID, writeUnseenOperationSpec } from "@klearstack/spec/fixtures";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type Exchange,
  type RecordingProxy,
  startRecordingProxy,
} from "../samples/recording-proxy.ts";
import { type ConformanceRun, conformance, tableRows } from "./cli.ts";
import { type FuzzRun, failedChecks, fuzz } from "./fuzz.ts";
import { startStandIn } from "./stand-in.ts";

let dir: string;
let specFile: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "klearstack-unseen-"));
  specFile = writeUnseenOperationSpec(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function expectUnseenChecked(run: ConformanceRun) {
  const rows = tableRows(run.output);
  const unseen = rows.filter((row) => row.operation === UNSEEN_OPERATION_ID);
  // A valid request with the chained token and the 401 without it, in every encoding, at least.
  expect(unseen.length).toBeGreaterThanOrEqual(4);
  expect(rows.filter((row) => row.result !== "PASS")).toEqual([]);
  expect(run.code).toBe(0);
  expect(run.leaked, "secrets whose text was printed (names only)").toEqual([]);
}

function expectUnseenFuzzed(run: FuzzRun) {
  const unseen = run.report.results.filter((r) => r.operationId === UNSEEN_OPERATION_ID);
  // Its own cases, its bearer checks among them, each passed at least once.
  expect(unseen.map((r) => r.check)).toEqual(
    expect.arrayContaining(["positive_data_acceptance", "missing_required_header", "ignored_auth"]),
  );
  for (const result of unseen) expect(result.passed, result.check).toBeGreaterThan(0);
  expect(failedChecks(run.report)).toEqual(new Set());
  expect(run.report.notRun).toEqual([]);
  expect(run.code).toBe(0);
  expect(run.leaked, "secrets whose text was printed (names only)").toEqual([]);
  expect(run.leakedInReports, "secrets in the reports (names only)").toEqual([]);
}

/** The form requests to `path` that the mock answered `status`, read back as a server reads them. */
async function unseenForms(exchanges: Exchange[], path: string, status: number) {
  const forms = exchanges.filter((e) => e.path === path && e.status === status);
  return Promise.all(
    forms.flatMap((e) => {
      const contentType = String(e.requestHeaders["content-type"] ?? "");
      const mediaType = contentType.split(";")[0]?.trim();
      if (mediaType !== "multipart/form-data" && mediaType !== "application/x-www-form-urlencoded")
        return [];
      const request = new Request("http://x/", {
        method: "POST",
        headers: { "content-type": contentType },
        body: new Uint8Array(e.requestBody),
      });
      return [
        request.formData().then((form) => ({ mediaType, form, answer: e.responseBody.toString() })),
      ];
    }),
  );
}

describe("conformance of a spec with an operation it has never seen", () => {
  it("passes a stand-in serving that spec", async () => {
    const server = await startStandIn(undefined, { model: await loadApiModel(specFile) });
    try {
      const run = await conformance(["--base-url", server.url, "--spec", specFile], {
        secrets: () => server.issued.map((text, i) => ({ name: `stand-in token #${i + 1}`, text })),
      });
      expectUnseenChecked(run);
      expect(server.seen.some((s) => s.operationId === UNSEEN_OPERATION_ID && s.authorized)).toBe(
        true,
      );
    } finally {
      await server.close();
    }
  });

  describe("against the real mock serving that spec", () => {
    // A function: the spec file is written by the beforeAll above, which runs first.
    const mock = useMock(() => ({ specPath: specFile }));
    let proxy: RecordingProxy;
    beforeEach(async () => {
      proxy = await startRecordingProxy(mock.url);
    });
    afterEach(() => proxy.close());

    it("passes every check, the unseen operation's included, every field kind on the wire", async () => {
      expectUnseenChecked(await conformance(["--base-url", proxy.url, "--spec", specFile]));
      const op = (await loadApiModel(specFile)).operation(UNSEEN_OPERATION_ID);
      const accepted = await unseenForms(proxy.exchanges, op.path, 200);
      // Every field in multipart, each as its kind is sent; urlencoded carries all but the file.
      const multipart = accepted.find((form) => form.mediaType === "multipart/form-data");
      expect(multipart && new Set(multipart.form.keys())).toEqual(
        new Set(op.fields.map((f) => f.name)),
      );
      for (const field of op.fields) {
        const values = multipart?.form.getAll(field.name) ?? [];
        if (field.kind === "file") {
          const [file] = values;
          expect(file instanceof Blob && file.type, field.name).toBe(field.schema.contentMediaType);
        } else {
          const expected = [field.exampleValue ?? field.example].flat().map(String);
          expect(values, field.name).toEqual(expected);
        }
      }
      const urlencoded = accepted.find((f) => f.mediaType === "application/x-www-form-urlencoded");
      expect(urlencoded && new Set(urlencoded.form.keys())).toEqual(
        new Set(op.fields.filter((f) => f.kind !== "file").map((f) => f.name)),
      );
    });

    it("passes every fuzz check, the unseen operation fuzzed from the document alone", async () => {
      const args = ["--base-url", proxy.url, "--spec", specFile, "--max-examples", "6"];
      const run = await fuzz(args);
      expectUnseenFuzzed(run);
      const op = (await loadApiModel(specFile)).operation(UNSEEN_OPERATION_ID);
      // Accepted: generated files (multipart), repeated keys, every field at least once.
      const accepted = await unseenForms(proxy.exchanges, op.path, 200);
      const files = accepted
        .flatMap(({ form }) => [...form.values()])
        .filter((v) => v instanceof Blob);
      expect(files.length).toBeGreaterThan(0);
      const keys = accepted.flatMap(({ form }) => [...form.keys()]);
      expect(new Set(keys)).toEqual(new Set(op.fields.map((f) => f.name)));
      const array = op.fields.find((f) => f.kind === "array");
      expect(accepted.some(({ form }) => form.getAll(array?.name ?? "").length > 1)).toBe(true);
      // Refused: a value its schema refuses gets the mock's 400, naming a field it was sent.
      const refused = await unseenForms(proxy.exchanges, op.path, 400);
      expect(refused.length).toBeGreaterThan(0);
      for (const { form, answer } of refused) {
        const named = [...new Set(form.keys())].filter((name) => answer.includes(name));
        expect(named, answer).not.toEqual([]);
      }
      const rejection = run.report.results.find(
        (r) => r.operationId === UNSEEN_OPERATION_ID && r.check === "negative_data_rejection",
      );
      expect(rejection?.failed).toBe(0);
      expect(rejection?.undocumented).toBeGreaterThan(0);
    });
  });
});
