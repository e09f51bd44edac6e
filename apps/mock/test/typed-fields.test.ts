// Form fields of every kind the spec can describe (the unseen fixture carries one of each), sent
// as the model encodes them: the mock types each form string by its schema before it validates
// (an integer's "30" is 30, repeated keys are an array, a file part is a file), in both encodings,
// and refuses a value that is not of its field's type with a 400 naming the field. The fields are
// picked by kind, never by name.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  encodeFormValue,
  type FieldModel,
  type FormEntry,
  type FormValue,
  formBody,
  loadApiModel,
} from "@klearstack/spec";
import { UNSEEN_OPERATION_ID, writeUnseenOperationSpec } from "@klearstack/spec/fixtures";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BODY_LIMIT_BYTES } from "../src/body.ts";
import { call, login, type Tokens, useMock, validRequest } from "./support.ts";

const scratch = mkdtempSync(join(tmpdir(), "klearstack-mock-typed-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const specPath = writeUnseenOperationSpec(scratch);
const fixture = await loadApiModel(specPath);
const op = fixture.operation(UNSEEN_OPERATION_ID);
const mediaTypes = op.request?.mediaTypes ?? [];
const MULTIPART = "multipart/form-data";

/** A file's content for the documented example: the schema's bounds, met. */
const fileOf = (field: FieldModel, size = Number(field.schema.minLength ?? 1)) =>
  new Blob(["x".repeat(size)], { type: String(field.schema.contentMediaType ?? "text/plain") });

/** Every field's documented value (a file for a file field, multipart only), the model's way. */
function entriesOf(mediaType: string, replace: Record<string, FormValue> = {}): FormEntry[] {
  return op.fields.flatMap((field) => {
    if (field.name in replace) return encodeFormValue(field, replace[field.name], mediaType);
    if (field.kind === "file") {
      return mediaType === MULTIPART ? encodeFormValue(field, fileOf(field), mediaType) : [];
    }
    return encodeFormValue(field, field.exampleValue as FormValue | undefined, mediaType);
  });
}

describe("typed form fields, served by the mock", () => {
  const ctx = useMock({ specPath });
  let tokens: Tokens;
  let headers: Record<string, string>;
  let tokenFields: Record<string, string>;
  beforeAll(async () => {
    tokens = await login(ctx.url, {}, fixture);
    ({ headers } = validRequest(op, tokens));
    const valid = validRequest(op, tokens).fields;
    tokenFields = Object.fromEntries(
      op.fields.filter((f) => f.jwt).map((f) => [f.name, valid[f.name] ?? ""]),
    );
  });
  const send = (mediaType: string, entries: FormEntry[]) =>
    call(ctx.url, op, {
      body: formBody(entries, mediaType),
      headers: mediaType === MULTIPART ? headers : { ...headers, "content-type": mediaType },
    });

  it("the fixture has a field of every kind", () => {
    expect(new Set(op.fields.map((f) => f.kind))).toEqual(
      new Set(["string", "integer", "number", "boolean", "array", "file"]),
    );
  });

  it.each(mediaTypes)(
    "%s: every documented value, typed and encoded by the model → 200",
    async (mediaType) => {
      const reply = await send(mediaType, entriesOf(mediaType, tokenFields));
      expect(reply.text.slice(0, 300), reply.text).not.toMatch(/Bad Request/);
      expect(reply.status).toBe(Number(op.success?.status));
      expect(reply.headers.get("sl-violations")).toBeNull();
    },
  );

  const wrongText: Partial<Record<FieldModel["kind"], string>> = {
    integer: "1.5",
    number: "one",
    boolean: "yes",
  };
  const typed = op.fields.filter((f) => wrongText[f.kind] !== undefined);
  it.each(
    mediaTypes.flatMap((mediaType) =>
      typed.map((field) => [mediaType, field.kind, field.name, field] as const),
    ),
  )("%s: %s field %s given text of another type → 400 naming it", async (mediaType, kind, name) => {
    const entries = entriesOf(mediaType, tokenFields).filter(([n]) => n !== name);
    entries.push([name, wrongText[kind] ?? ""]);
    const reply = await send(mediaType, entries);
    expect(reply.status).toBe(400);
    expect(reply.text).toContain(name);
  });

  it("a bounded integer past its maximum → 400 naming it (the schema, after coercion)", async () => {
    const bounded = op.fields.find((f) => f.kind === "integer" && f.schema.maximum !== undefined);
    if (!bounded) throw new Error("the fixture needs an integer field with a maximum");
    const past = Number(bounded.schema.maximum) + 1;
    const reply = await send(
      mediaTypes[0] ?? "",
      entriesOf(mediaTypes[0] ?? "", {
        ...tokenFields,
        [bounded.name]: past,
      }),
    );
    expect(reply.status).toBe(400);
    expect(reply.text).toContain(bounded.name);
  });

  it("an array field takes repeated keys; an item outside its enum → 400 naming it", async () => {
    const list = op.fields.find((f) => f.kind === "array" && f.items?.enum?.length);
    if (!list) throw new Error("the fixture needs an array field with an item enum");
    const mediaType = mediaTypes[0] ?? "";
    const every = [...(list.items?.enum ?? [])].slice(0, Number(list.schema.maxItems ?? 2));
    const ok = await send(mediaType, entriesOf(mediaType, { ...tokenFields, [list.name]: every }));
    expect(ok.status).toBe(Number(op.success?.status));
    const bad = await send(
      mediaType,
      entriesOf(mediaType, { ...tokenFields, [list.name]: [String(every[0]), "not-an-item"] }),
    );
    expect(bad.status).toBe(400);
    expect(bad.text).toContain(list.name);
  });

  it("a file within its bounds is accepted; a body past the mock's limit gets 413", async () => {
    const file = op.fields.find((f) => f.kind === "file");
    if (!file || !mediaTypes.includes(MULTIPART)) throw new Error("the fixture needs a file field");
    const largest = Number(file.schema.maxLength ?? 1024);
    const within = await send(
      MULTIPART,
      entriesOf(MULTIPART, { ...tokenFields, [file.name]: fileOf(file, largest) }),
    );
    expect(within.status).toBe(Number(op.success?.status));
    const huge = await send(
      MULTIPART,
      entriesOf(MULTIPART, { ...tokenFields, [file.name]: fileOf(file, BODY_LIMIT_BYTES + 1) }),
    );
    expect(huge.status).toBe(413);
  });
});
