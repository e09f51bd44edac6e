// An operation the mock's code has never seen (the spec workspace's fixture: bearer-protected, a
// body of another shape without tokens, a bodyless 401) is served from the spec alone: the same
// contract as every product operation (operation-suite.ts), with no code that names it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadApiModel } from "@klearstack/spec";
import { UNSEEN_OPERATION_ID, writeUnseenOperationSpec } from "@klearstack/spec/fixtures";
import { afterAll, describe, expect, it } from "vitest";
import { describeOperation } from "./operation-suite.ts";
import { model, useMock } from "./support.ts";

const scratch = mkdtempSync(join(tmpdir(), "klearstack-mock-unseen-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const specPath = writeUnseenOperationSpec(scratch);
const fixture = await loadApiModel(specPath);
const unseen = fixture.operation(UNSEEN_OPERATION_ID);

describe("a mock started on a spec with an operation its code has never seen", () => {
  const ctx = useMock({ specPath });

  it("is an operation the product spec does not have", () => {
    expect(model.operations.map((op) => op.operationId)).not.toContain(unseen.operationId);
  });

  describe(unseen.operationId, () => describeOperation(ctx, unseen, fixture));
});
