// Chaining, for the product spec and the fixture spec: run top to bottom, every request that needs
// a token finds it in a collection variable that an earlier request's generated test stored from
// its success body. The collection itself holds no token and only documented example values.
import { type FieldModel, schemaFacts } from "@klearstack/spec";
import { describe, expect, it } from "vitest";
import {
  effectiveAuth,
  fields,
  itemsOf,
  operationOf,
  specsUnderTest,
  storedVariables,
  variableName,
} from "./support.ts";

const jwtShaped = /[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}/;
const isJwtField = (field: FieldModel) =>
  schemaFacts(field.schema).contentMediaType === "application/jwt";

describe.each(await specsUnderTest())("chaining in the collection of %s", (_, built) => {
  const { model, collection } = built;
  const folders = collection.item;
  const variable = (key: string) => collection.variable?.find((v) => v.key === key);

  /** The variables stored by the requests before `index` in `folder`. */
  const storedBefore = (folder: (typeof folders)[number], index: number) =>
    (folder.item ?? []).slice(0, index).flatMap(storedVariables);

  it("the success request of each operation that issues tokens stores every one of them", () => {
    const issuers = model.operations.filter((op) => op.success?.body?.tokens.length);
    expect(issuers.length).toBeGreaterThan(0);
    for (const folder of folders)
      for (const op of model.operations) {
        const [valid, ...others] = itemsOf(folder, op);
        if (!valid) continue;
        expect(storedVariables(valid)).toHaveLength(op.success?.body?.tokens.length ?? 0);
        for (const other of others) expect(storedVariables(other)).toEqual([]);
      }
  });

  it("every bearer-protected request sends a token an earlier request stored", () => {
    const bearerOps = model.operations.filter((op) => op.bearer);
    expect(bearerOps.length).toBeGreaterThan(0);
    for (const folder of folders)
      for (const [index, item] of (folder.item ?? []).entries()) {
        const op = operationOf(model, item)!;
        const auth = effectiveAuth(collection, item);
        if (!op.bearer) {
          expect(auth?.type, item.name).toBe("noauth");
          continue;
        }
        if (auth?.type === "noauth") continue; // the documented 401 without credentials
        expect(auth?.type).toBe("bearer");
        const token = variableName(auth?.bearer?.find((b) => b.key === "token")?.value ?? "");
        expect(storedBefore(folder, index), item.name).toContain(token);
      }
  });

  it("the bearer token comes from the collection's auth, which the logins opt out of", () => {
    expect(collection.auth).toMatchObject({ type: "bearer" });
    for (const folder of folders)
      for (const item of folder.item ?? []) {
        const op = operationOf(model, item)!;
        if (op.security.length === 0) expect(item.request?.auth).toEqual({ type: "noauth" });
      }
  });

  it("a JWT field sends the token an earlier request stored, never its expired example", () => {
    const jwtFields = model.operations.flatMap((op) => op.fields.filter(isJwtField));
    expect(jwtFields.length).toBeGreaterThan(0);
    for (const folder of folders)
      for (const [index, item] of (folder.item ?? []).entries()) {
        const op = operationOf(model, item)!;
        for (const sent of fields(item)) {
          const field = op.fields.find((f) => f.name === sent.key)!;
          if (!isJwtField(field)) continue;
          expect(storedBefore(folder, index), item.name).toContain(variableName(sent.value));
        }
      }
  });

  it("every other field sends its documented example: one variable per field name where the operations agree on it, else one per operation", () => {
    /** The examples each field name is documented with, over every operation. */
    const examples = new Map<string, Set<string | undefined>>();
    for (const op of model.operations)
      for (const field of op.fields.filter((f) => !isJwtField(f)))
        examples.set(field.name, (examples.get(field.name) ?? new Set()).add(field.example));
    for (const folder of folders)
      for (const item of folder.item ?? []) {
        const op = operationOf(model, item)!;
        for (const sent of fields(item)) {
          const field = op.fields.find((f) => f.name === sent.key)!;
          // An array goes as one literal per item, a file as a file param (collection.test.ts).
          if (isJwtField(field) || field.kind === "array" || field.kind === "file") continue;
          const agreed = examples.get(field.name)?.size === 1;
          const key = agreed ? field.name : `${op.operationId}_${field.name}`;
          expect(sent.value, `${item.name}: ${field.name}`).toBe(`{{${key}}}`);
          expect(variable(key)?.value).toBe(field.example);
        }
      }
  });

  it("holds no token: token variables start empty, and nothing a request sends is a JWT", () => {
    const stored = folders.flatMap((folder) => (folder.item ?? []).flatMap(storedVariables));
    for (const key of stored) expect(variable(key)?.value).toBe("");
    const sent = JSON.stringify([
      collection.variable,
      collection.auth,
      folders.flatMap((f) => (f.item ?? []).map((i) => i.request)),
    ]);
    expect(sent).not.toMatch(jwtShaped);
  });
});
