// An operation the code has never seen (the spec fixture's) is collected and chained like any
// other: the collection built from the fixture spec, run by newman against a mock serving that same
// spec, is green, and every operation of that spec ran. Nothing here names the operation.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useMock } from "@klearstack/mock/testing";
import { buildCollection } from "@klearstack/postman/collection";
import { type ApiModel, loadApiModel } from "@klearstack/spec";
import { UNSEEN_OPERATION_ID, writeUnseenOperationSpec } from "@klearstack/spec/fixtures";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NewmanRun, runCollection } from "./newman.ts";
import { type RecordingProxy, startProxy } from "./proxy.ts";

describe("the collection of a spec with an operation the code has never seen", () => {
  const dir = mkdtempSync(join(tmpdir(), "klearstack-postman-unseen-"));
  const specPath = writeUnseenOperationSpec(dir);
  const mock = useMock({ specPath });
  let model: ApiModel;
  let proxy: RecordingProxy;
  let run: NewmanRun;
  beforeAll(async () => {
    model = await loadApiModel(specPath);
    proxy = await startProxy(model, mock.url);
    run = await runCollection({
      baseUrl: proxy.url,
      collection: await buildCollection(model),
      secrets: proxy.secrets,
    });
  });
  afterAll(async () => {
    await proxy?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("is green against a mock of that spec", () => {
    expect(model.operation(UNSEEN_OPERATION_ID)).toBeDefined();
    expect(run.failed, run.output).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.leaked, "secrets whose text newman printed (names only)").toEqual([]);
  });

  it("ran every operation's documented success in every encoding it declares", () => {
    for (const op of model)
      for (const mediaType of op.request?.mediaTypes ?? [])
        expect(
          proxy.seen.filter(
            (s) =>
              s.operationId === op.operationId &&
              s.contentType.startsWith(mediaType) &&
              String(s.status) === op.success?.status,
          ),
          `${op.operationId} (${mediaType})`,
        ).toHaveLength(1);
  });
});
