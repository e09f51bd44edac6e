// The unseen operation ↔ samples: an operation no code has ever named (the fixture spec's extra,
// bearer-protected call with a differently shaped answer) gets its samples generated from the spec
// alone, and every one of them runs against a mock started on that same spec, like any other.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { codeSamplesFor, httpSampleKinds } from "@klearstack/docs";
import { useMock } from "@klearstack/mock/testing";
import { type ApiModel, loadApiModel, type OperationModel } from "@klearstack/spec";
import { UNSEEN_OPERATION_ID, writeUnseenOperationSpec } from "@klearstack/spec/fixtures";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { credentialsFor } from "./credentials.ts";
import { expectSampleWorks } from "./expect-sample.ts";
import { type RecordingProxy, startRecordingProxy } from "./recording-proxy.ts";
import { closeSampleBrowser, requireTools } from "./run-sample.ts";

const work = mkdtempSync(join(tmpdir(), "klearstack-unseen-samples-"));
const specPath = writeUnseenOperationSpec(work);
const model: ApiModel = await loadApiModel(specPath);
const op: OperationModel = model.operation(UNSEEN_OPERATION_ID);

afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeAll(requireTools);
afterAll(closeSampleBrowser);
const mock = useMock({ specPath });
let proxy: RecordingProxy;
beforeAll(async () => {
  proxy = await startRecordingProxy(mock.url);
});
afterAll(() => proxy?.close());

// Generated for the spec's first server; each run swaps in the recording proxy in front of the mock.
const serverUrl = model.servers[0]?.url ?? "";
const samples = codeSamplesFor(op, serverUrl);

describe("the samples of an operation the code has never seen", () => {
  it("cover every HTTP tab, each reading the bearer token from the environment (or a placeholder)", () => {
    expect(op.bearer).toBeDefined();
    expect(samples.map((s) => s.label)).toEqual(
      expect.arrayContaining(httpSampleKinds.map((k) => k.label)),
    );
    for (const sample of samples) {
      expect(sample.source, sample.label).toContain(op.bearer?.envVar);
      // Every JWT starts with the base64url of `{"`.
      expect(sample.source, `${sample.label} carries no token`).not.toMatch(/eyJ[\w-]*\.[\w-]+\./);
    }
  });

  it.each(samples.map((sample) => [sample.label, sample] as const))(
    "%s: runs against a mock of the fixture spec and gets the documented success",
    async (_label, sample) => {
      const source = sample.source.replaceAll(serverUrl, proxy.url);
      expect(source, "the sample names the spec's first server").not.toBe(sample.source);
      const secrets = await credentialsFor(model, op, mock.url);
      await expectSampleWorks(model, op, { ...sample, source }, proxy, secrets);
    },
    90_000,
  );
});
