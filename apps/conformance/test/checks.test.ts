// The checks are planned from the model, operation by operation, never written by hand: per request
// encoding, a valid request, the 401 without credentials on a bearer operation, and one missing and
// one empty request per documented missing parameter, each expecting what the spec documents.
import { encodeFormValue, type FormValue, loadApiModel, loadSpec } from "@klearstack/spec";
import { UNSEEN_OPERATION_ID, unseenOperationDocument } from "@klearstack/spec/fixtures";
import { describe, expect, it } from "vitest";
import { planChecks, UNAUTHENTICATED_STATUS, wireFields } from "../src/checks.ts";

const model = await loadApiModel();
const valid = { fields: { a: "1", b: "2" }, bearer: "credential" };

describe("planChecks, for every operation of the spec", () => {
  it.each(model.operations.map((op) => [op.operationId, op] as const))(
    "%s: every encoding gets a valid request, the 401 if bearer, missing and empty per parameter",
    (_, op) => {
      const checks = planChecks(op);
      const encodings = op.request?.mediaTypes ?? [];
      const perEncoding = 1 + (op.bearer ? 1 : 0) + 2 * op.missingParameters.length;
      expect(encodings.length).toBeGreaterThan(0);
      expect(op.missingParameters.length).toBeGreaterThan(0);
      expect(checks).toHaveLength(encodings.length * perEncoding);
      expect([...new Set(checks.map((c) => c.mediaType))]).toEqual(encodings);
    },
  );

  it.each(model.operations.map((op) => [op.operationId, op] as const))(
    "%s: the valid request expects the documented success, its schema and its tokens",
    (_, op) => {
      for (const check of planChecks(op).filter((c) => c.kind === "valid-request")) {
        expect(check.name).toBe(`valid request → ${op.success?.status}`);
        expect(check.expect).toEqual({
          status: op.success?.status,
          mediaType: op.success?.body?.mediaType,
          schemaPointer: op.success?.body?.schemaPointer,
          tokens: op.success?.body?.tokens,
        });
        const request = check.request(valid);
        expect(request).toMatchObject({ method: op.method, path: op.path, fields: valid.fields });
        expect(request.mediaType).toBe(check.mediaType);
        expect(request.bearer).toBe("credential");
      }
    },
  );

  it.each(model.operations.map((op) => [op.operationId, op] as const))(
    "%s: each documented missing parameter, left out or empty, expects the documented text",
    (_, op) => {
      const checks = planChecks(op);
      for (const missing of op.missingParameters) {
        const expect500 = {
          status: missing.status,
          mediaType: missing.mediaType,
          text: op.missingParameterText(missing.field),
          tokens: [],
        };
        const left = checks.filter(
          (c) => c.name === `${missing.field} missing → ${missing.status}`,
        );
        const empty = checks.filter((c) => c.name === `${missing.field} empty → ${missing.status}`);
        expect(left.length).toBe(op.request?.mediaTypes.length);
        expect(empty.length).toBe(op.request?.mediaTypes.length);
        for (const check of left) {
          expect(check.expect).toEqual(expect500);
          const fields = { ...valid.fields, [missing.field]: "x" };
          expect(check.request({ ...valid, fields }).fields).toEqual(valid.fields);
        }
        for (const check of empty) {
          expect(check.expect).toEqual(expect500);
          expect(check.request(valid).fields[missing.field]).toBe("");
        }
      }
    },
  );

  it("sends no credentials in the 401 check of each bearer operation, and only there", () => {
    const bearerOps = model.operations.filter((op) => op.bearer);
    expect(bearerOps.length).toBeGreaterThan(0);
    for (const op of model) {
      const checks = planChecks(op).filter((c) => c.kind === "no-bearer");
      expect(checks.length).toBe(op.bearer ? op.request?.mediaTypes.length : 0);
      for (const check of checks) {
        expect(check.expect.status).toBe(UNAUTHENTICATED_STATUS);
        // The spec documents the 401 without a body: nothing to validate but the status.
        expect(check.expect.mediaType).toBe(op.response(UNAUTHENTICATED_STATUS)?.body?.mediaType);
        expect(check.request(valid).bearer).toBeUndefined();
        expect(check.request(valid).fields).toEqual(valid.fields);
      }
    }
  });

  it("plans the unseen fixture operation from the document alone", async () => {
    const fixture = await loadApiModel({ document: unseenOperationDocument() });
    const unseen = fixture.operation(UNSEEN_OPERATION_ID);
    const kinds = planChecks(unseen).map((c) => c.kind);
    expect(kinds.filter((k) => k === "no-bearer")).toHaveLength(
      unseen.request?.mediaTypes.length ?? 0,
    );
    expect(planChecks(unseen).find((c) => c.kind === "valid-request")?.expect.tokens).toEqual([]);
  });

  it("plans an operation without a request body or response content", async () => {
    const document = loadSpec();
    document.paths["/ping"] = {
      get: { operationId: "ping", responses: { "204": { description: "Alive." } } },
    };
    const ping = (await loadApiModel({ document })).operation("ping");
    const [check, ...rest] = planChecks(ping);
    expect(rest).toEqual([]);
    expect(check?.mediaType).toBeUndefined();
    expect(check?.expect).toEqual({ status: "204", mediaType: undefined, tokens: [] });
    expect(check?.request(valid).mediaType).toBeUndefined();
  });
});

const unseenModel = await loadApiModel({ document: unseenOperationDocument() as never });

describe("wireFields: a valid request's typed values as each encoding sends them", () => {
  const op = unseenModel.operation(UNSEEN_OPERATION_ID);
  const typed = Object.fromEntries(
    op.fields.flatMap((f) =>
      f.kind === "file"
        ? [[f.name, new Blob(["a"], { type: "text/plain" })]]
        : f.exampleValue === undefined
          ? []
          : [[f.name, f.exampleValue as FormValue]],
    ),
  );

  it("encodes every kind by the model's rule, a file only in multipart", () => {
    const multipart = wireFields(op, typed, "multipart/form-data");
    const urlencoded = wireFields(op, typed, "application/x-www-form-urlencoded");
    for (const field of op.fields) {
      const value = typed[field.name];
      if (value === undefined) continue;
      if (field.kind === "file") {
        expect(multipart[field.name]).toBe(value);
        expect(urlencoded).not.toHaveProperty(field.name);
        continue;
      }
      const entries = encodeFormValue(field, value, "multipart/form-data").map(([, v]) => v);
      const expected = field.kind === "array" ? entries : entries[0];
      expect(multipart[field.name], field.name).toEqual(expected);
      expect(urlencoded[field.name], field.name).toEqual(expected);
      if (field.kind !== "string") expect(expected).not.toBe(undefined);
    }
    expect(new Set(op.fields.map((f) => f.kind))).toEqual(
      new Set(["string", "integer", "number", "boolean", "array", "file"]),
    );
  });

  it("sends an empty value, and a text the user gave that is not of its kind, as they are", () => {
    const field = op.fields.find((f) => f.kind === "integer");
    if (!field) throw new Error("the fixture has an integer field");
    const form = "application/x-www-form-urlencoded";
    expect(wireFields(op, { [field.name]: "" }, form)).toEqual({ [field.name]: "" });
    expect(wireFields(op, { [field.name]: "thirty" }, form)).toEqual({ [field.name]: "thirty" });
    expect(wireFields(op, { [field.name]: "30" }, form)).toEqual({ [field.name]: "30" });
  });
});
