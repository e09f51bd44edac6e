// The case kinds of every operation are planned from the model alone: valid inputs and each
// required field missing or empty in every encoding, no body, no or an invalid bearer token on a
// bearer operation, and what the spec documents nothing about. Secrets and tokens stay references;
// a value the user gave is held; a seed gives the same cases every time.
import {
  coerceFormValue,
  createSpecValidator,
  loadApiModel,
  type OperationModel,
} from "@klearstack/spec";
import { UNSEEN_OPERATION_ID, unseenOperationDocument } from "@klearstack/spec/fixtures";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CaseContext, type FuzzCase, planCaseKinds } from "../../src/fuzz/cases.ts";

const model = await loadApiModel();
const unseen = await loadApiModel({ document: unseenOperationDocument() as never });
const validate = createSpecValidator(model);
const context = (
  op: OperationModel,
  given: CaseContext["given"] = { fields: {}, bearers: {} },
) => ({
  given,
  otherTokenType: "refresh",
  pathMethods: [op.method.toUpperCase()],
});
const sample = (op: OperationModel, id: string, numRuns = 60, ctx = context(op)) => {
  const kind = planCaseKinds(op, ctx).find((k) => k.id === id);
  if (!kind) throw new Error(`${op.operationId} has no case kind ${id}`);
  return fc.sample(kind.arbitrary, { numRuns, seed: 42 });
};
const short = (mediaType: string) => mediaType.split("/")[1];
const operations = [...model.operations, unseen.operation(UNSEEN_OPERATION_ID)].map(
  (op) => [op.operationId, op] as const,
);

describe("planCaseKinds, for every operation (the unseen fixture's too)", () => {
  it.each(operations)("%s: plans every kind the spec gives a reason for", (_, op) => {
    const ids = planCaseKinds(op, context(op)).map((k) => k.id);
    const encodings = op.request?.mediaTypes ?? [];
    expect(encodings.length).toBeGreaterThan(0);
    const expected = [
      ...encodings.map((m) => `valid inputs, ${short(m)}`),
      ...encodings.flatMap((m) =>
        op.fields.filter((f) => f.required).map((f) => `${f.name} missing or empty, ${short(m)}`),
      ),
      "no body",
      ...(op.bearer ? ["no Authorization header", "invalid bearer token"] : []),
      "another method",
      "another media type",
    ];
    for (const id of expected) expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(operations)(
    "%s: valid inputs fit the request schema; secrets and tokens are references, never generated",
    (_, op) => {
      for (const mediaType of op.request?.mediaTypes ?? []) {
        for (const c of sample(op, `valid inputs, ${short(mediaType)}`)) {
          expect(c.mediaType).toBe(mediaType);
          expect(c.expect).toEqual({ kind: "success" });
          expect(c.auth.kind).toBe(op.bearer ? "valid" : "none");
          const names = c.fields.map(([name]) => name);
          for (const field of op.fields.filter((f) => f.required))
            expect(names).toContain(field.name);
          const literal: Record<string, string> = {};
          for (const [name, value] of c.fields) {
            const field = op.fields.find((f) => f.name === name);
            if (!field) throw new Error(`${name} is no field of ${op.operationId}`);
            if (field.jwt) expect(value).toEqual({ kind: "token" });
            else if (field.secret) expect(value).toEqual({ kind: "secret" });
            else if (value.kind === "literal") literal[name] = value.value;
          }
          // The literal fields alone, typed as the model coerces form text, against the schema's
          // properties (references are filled later).
          for (const [name, text] of Object.entries(literal)) {
            const field = op.fields.find((f) => f.name === name);
            if (!field) continue;
            expect(validate(field.schema, coerceFormValue(field, text)), name).toEqual([]);
          }
        }
      }
    },
  );

  it("generates every field kind of the fixture, a file part only in multipart", () => {
    const op = unseen.operation(UNSEEN_OPERATION_ID);
    const multipart = sample(op, "valid inputs, form-data", 100);
    const sent = new Set(multipart.flatMap((c) => c.fields.map(([name]) => name)));
    expect(sent).toEqual(new Set(op.fields.map((f) => f.name)));
    const files = multipart.flatMap((c) =>
      c.fields.flatMap(([, v]) => (v.kind === "file" ? [v] : [])),
    );
    const file = op.fields.find((f) => f.kind === "file");
    const lengths = new Set(files.map((f) => f.bytes.length));
    expect(lengths).toContain(file?.schema.minLength);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(64);
    for (const f of files) expect(f.type).toBe(file?.schema.contentMediaType);
    // An array field's items as repeated keys, up to its maxItems.
    const array = op.fields.find((f) => f.kind === "array");
    const counts = multipart.map((c) => c.fields.filter(([name]) => name === array?.name).length);
    expect(counts).toContain(array?.schema.maxItems);
    const urlencoded = sample(op, "valid inputs, x-www-form-urlencoded", 100);
    expect(urlencoded.flatMap((c) => c.fields).some(([, v]) => v.kind === "file")).toBe(false);
    expect(urlencoded.every((c) => c.expect.kind === "success")).toBe(true);
  });

  it("makes a valid urlencoded case with a required file one the spec documents nothing for", async () => {
    const document = unseenOperationDocument() as unknown as {
      components: { schemas: Record<string, { required?: string[]; properties?: object }> };
    };
    const file = unseen.operation(UNSEEN_OPERATION_ID).fields.find((f) => f.kind === "file");
    if (!file) throw new Error("the fixture has a file field");
    for (const schema of Object.values(document.components.schemas)) {
      if (Object.keys(schema.properties ?? {}).includes(file.name))
        schema.required?.push(file.name);
    }
    const op = (await loadApiModel({ document: document as never })).operation(UNSEEN_OPERATION_ID);
    expect(op.fields.find((f) => f.name === file.name)?.required).toBe(true);
    for (const c of sample(op, "valid inputs, x-www-form-urlencoded", 10)) {
      expect(c.expect).toEqual({ kind: "undocumented" });
      expect(c.label).toBe(
        `valid inputs without the file ${file.name} (only multipart carries a file)`,
      );
    }
    for (const c of sample(op, "valid inputs, form-data", 10)) {
      expect(c.expect).toEqual({ kind: "success" });
      expect(c.fields.some(([, v]) => v.kind === "file")).toBe(true);
    }
  });

  it.each(operations)(
    "%s: each required field goes missing or empty, expecting the text documented for it",
    (_, op) => {
      const [mediaType = ""] = op.request?.mediaTypes ?? [];
      for (const field of op.fields.filter((f) => f.required)) {
        const cases = sample(op, `${field.name} missing or empty, ${short(mediaType)}`);
        const how = new Set<string>();
        for (const c of cases) {
          const sent = c.fields.find(([name]) => name === field.name);
          if (sent) {
            expect(sent[1]).toEqual({ kind: "literal", value: "" });
            how.add("empty");
          } else how.add("missing");
          expect(c.label).toBe(`${field.name} ${sent ? "empty" : "missing"}`);
          expect(c.expect).toEqual({
            kind: "rejection",
            documented: [{ status: expect.any(String), text: op.missingParameterText(field.name) }],
          });
          // Every other required field is still there.
          for (const other of op.fields.filter((f) => f.required && f !== field))
            expect(c.fields.map(([name]) => name)).toContain(other.name);
        }
        expect(how).toEqual(new Set(["missing", "empty"]));
      }
    },
  );

  it.each(operations)("%s: no body expects any required field's documented text", (_, op) => {
    const [c] = sample(op, "no body", 1);
    expect(c).toMatchObject({ mediaType: undefined, fields: [], expect: { kind: "rejection" } });
    const texts = (c?.expect.kind === "rejection" ? c.expect.documented : []).map((d) => d.text);
    expect(texts).toEqual(
      op.fields.filter((f) => f.required).map((f) => op.missingParameterText(f.name)),
    );
  });

  it.each(operations.filter(([, op]) => op.bearer))(
    "%s: without or with an invalid bearer token, expects 401; every invalid kind is tried",
    (_, op) => {
      for (const c of sample(op, "no Authorization header"))
        expect(c).toMatchObject({ auth: { kind: "none" }, expect: { kind: "unauthenticated" } });
      const invalid = sample(op, "invalid bearer token", 100);
      expect(new Set(invalid.map((c) => c.auth.kind))).toEqual(
        new Set(["tampered", "unsigned", "empty", "other-token"]),
      );
      for (const c of invalid) expect(c.expect).toEqual({ kind: "unauthenticated" });
    },
  );

  it.each(operations)(
    "%s: another method, another media type and values the schema refuses are undocumented",
    (_, op) => {
      const undocumented = ["another method", "another media type", "a value its schema refuses"];
      const cases = undocumented.flatMap((id) => sample(op, id, 30));
      for (const c of cases) expect(c.expect).toEqual({ kind: "undocumented" });
      const methods = new Set(sample(op, "another method", 30).map((c) => c.method));
      expect(methods.has(op.method.toUpperCase())).toBe(false);
      for (const c of sample(op, "another media type", 30)) {
        const claimed = c.contentType ?? c.mediaType;
        expect(op.request?.mediaTypes).not.toContain(claimed);
      }
    },
  );
});

describe("planCaseKinds, for what the user gives", () => {
  it("holds a value the user gave in every case, and breaks no rule of it", () => {
    const op = model.operations.find((o) => o.fields.some((f) => !f.secret && !f.jwt));
    const field = op?.fields.find((f) => !f.secret && !f.jwt);
    if (!op || !field) throw new Error("the spec has a plain field");
    const given = { fields: { [field.name]: "4711" }, bearers: {} };
    const [mediaType = ""] = op.request?.mediaTypes ?? [];
    for (const c of sample(op, `valid inputs, ${short(mediaType)}`, 30, context(op, given))) {
      expect(c.fields).toContainEqual([field.name, { kind: "literal", value: "4711" }]);
    }
    const broken = sample(op, "a value its schema refuses", 30, context(op, given)).flatMap(
      (c: FuzzCase) => c.fields.filter(([name]) => name === field.name),
    );
    expect(broken.every(([, value]) => value.kind === "literal" && value.value === "4711")).toBe(
      true,
    );
  });

  it("gives the same cases for the same seed, other cases for another", () => {
    const op = model.operations[0] as OperationModel;
    const kind = planCaseKinds(op, context(op))[0];
    if (!kind) throw new Error("no kind");
    const once = fc.sample(kind.arbitrary, { numRuns: 20, seed: 5 });
    expect(fc.sample(kind.arbitrary, { numRuns: 20, seed: 5 })).toEqual(once);
    expect(fc.sample(kind.arbitrary, { numRuns: 20, seed: 6 })).not.toEqual(once);
  });
});
