// collection ↔ mock: the generated collection, run top to bottom by newman with its generated
// tests against the real mock, is green for every operation: the logins store their tokens, the
// bearer-protected calls use them, and every documented error is answered as documented.
import { readFileSync } from "node:fs";
import { useMock } from "@klearstack/mock/testing";
import { collectionFile } from "@klearstack/postman";
import { UNAUTHENTICATED } from "@klearstack/postman/collection";
import { loadApiModel } from "@klearstack/spec";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NewmanRun, runCollection } from "./newman.ts";
import { type RecordingProxy, startProxy } from "./proxy.ts";

const model = await loadApiModel();

describe("newman run of the generated collection against the mock", () => {
  const mock = useMock();
  let proxy: RecordingProxy;
  let run: NewmanRun;
  beforeAll(async () => {
    proxy = await startProxy(model, mock.url);
    run = await runCollection({ baseUrl: proxy.url, secrets: proxy.secrets });
  });
  afterAll(() => proxy?.close());

  it("runs every request of the collection, and every generated assertion passes", () => {
    expect(run.failed, run.output).toEqual([]);
    expect(run.code).toBe(0);
    const collection = JSON.parse(readFileSync(collectionFile, "utf8")) as {
      item: { item: unknown[] }[];
    };
    expect(run.requests).toBe(collection.item.flatMap((folder) => folder.item).length);
    for (const execution of run.executions) expect(execution.passed.length).toBeGreaterThan(0);
  });

  it.each(model.operations.map((op) => [op.operationId, op] as const))(
    "%s answered its documented success in every encoding it declares",
    (_, op) => {
      for (const mediaType of op.request?.mediaTypes ?? []) {
        const answered = proxy.seen.filter(
          (s) =>
            s.operationId === op.operationId &&
            s.contentType.startsWith(mediaType) &&
            String(s.status) === op.success?.status,
        );
        expect(answered, mediaType).toHaveLength(1);
      }
    },
  );

  it("bearer-protected calls succeed with the token a login stored, and get the documented 401 without one", () => {
    const protectedOps = model.operations.filter((op) => op.bearer);
    expect(protectedOps.length).toBeGreaterThan(0);
    for (const op of protectedOps) {
      const sent = proxy.seen.filter((s) => s.operationId === op.operationId);
      const successes = sent.filter((s) => String(s.status) === op.success?.status);
      expect(successes.length).toBeGreaterThan(0);
      for (const s of successes) expect(s.authorized).toBe(true);
      if (op.response(UNAUTHENTICATED))
        expect(sent.filter((s) => !s.authorized).map((s) => s.status)).toEqual(
          (op.request?.mediaTypes ?? [""]).map(() => UNAUTHENTICATED),
        );
    }
    // The calls that need no authentication are sent without a credential.
    for (const s of proxy.seen)
      if (model.operation(s.operationId ?? "").security.length === 0)
        expect(s.authorized).toBe(false);
  });

  it("sends multipart bodies with the boundary the runtime wrote", () => {
    const multipart = proxy.seen.filter((s) => s.contentType.startsWith("multipart/form-data"));
    expect(multipart.length).toBeGreaterThan(0);
    for (const request of multipart) expect(request.contentType).toMatch(/boundary=/);
  });

  it("prints none of the tokens and passwords that went over the wire", () => {
    const secrets = proxy.secrets();
    // The check saw the real thing: issued tokens, bearer credentials, the password field.
    expect(secrets.length).toBeGreaterThan(model.operations.length);
    expect(run.leaked, "secrets whose text newman printed (names only)").toEqual([]);
  });
});
