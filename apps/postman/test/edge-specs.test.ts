// Specs the product does not have (yet): the build follows what they say, and refuses, naming the
// problem, what no collection can honour.
import { loadApiModel, loadSpec, type OpenApiDocument } from "@klearstack/spec";
import { describe, expect, it } from "vitest";
import { buildCollection } from "../src/collection.ts";
import { testNames } from "../src/tests.ts";
import { fields, itemsOf, script } from "./support.ts";

const build = async (document: OpenApiDocument) =>
  buildCollection(await loadApiModel({ document: document as never }));

/** The first operation of the spec as written, to edit. */
const firstOperation = (document: OpenApiDocument) =>
  Object.values(Object.values(document.paths)[0] ?? {})[0]!;

describe("specs with other shapes", () => {
  it("an operation without request body or response content gets a status-only test in every folder", async () => {
    const document = loadSpec();
    document.paths["/ping"] = {
      get: { operationId: "ping", responses: { "204": { description: "Alive." } } },
    };
    const model = await loadApiModel({ document: document as never });
    const collection = await buildCollection(model);
    for (const folder of collection.item) {
      const [ping, ...more] = itemsOf(folder, model.operation("ping"));
      expect(more).toEqual([]);
      const exec = script(ping!);
      expect(exec).toContain(JSON.stringify(testNames.status(204)));
      expect(exec).not.toContain("Content-Type is");
      expect(exec).not.toContain("jsonSchema");
    }
  });

  it("operations documenting different examples for one field name get a variable each", async () => {
    const document = loadSpec();
    const copy = structuredClone(firstOperation(document));
    copy.operationId = "otherLogin";
    const [mediaType] = Object.keys(copy.requestBody?.content ?? {});
    const schema = { $ref: "#/components/schemas/OtherLogin" };
    for (const media of Object.values(copy.requestBody?.content ?? {})) media.schema = schema;
    document.components.schemas.OtherLogin = {
      type: "object",
      required: ["company_name"],
      properties: { company_name: { type: "string", examples: ["Other Company"] } },
    };
    document.paths["/other"] = { post: copy };
    const model = await loadApiModel({ document: document as never });
    const collection = await buildCollection(model);
    const folder = collection.item.find((f) => f.name === mediaType)!;
    const [other] = itemsOf(folder, model.operation("otherLogin"));
    expect(fields(other!)).toContainEqual(
      expect.objectContaining({ key: "company_name", value: "{{otherLogin_company_name}}" }),
    );
    const values = Object.fromEntries((collection.variable ?? []).map((v) => [v.key, v.value]));
    expect(values.otherLogin_company_name).toBe("Other Company");
    expect(values.company_name).toBeUndefined();
  });
});

describe("refusals", () => {
  it("refuses a recursive response schema instead of looping", async () => {
    const document = loadSpec();
    document.components.schemas.Loop = {
      type: "object",
      properties: { next: { $ref: "#/components/schemas/Loop" } },
    };
    const success = Object.values(firstOperation(document).responses)[0]!;
    success.$ref = undefined;
    Object.assign(success, {
      description: "Loops.",
      content: { "application/json": { schema: { $ref: "#/components/schemas/Loop" } } },
    });
    await expect(build(document)).rejects.toThrow(/recursive schema cannot be embedded/);
  });

  it("refuses a bearer-protected call whose token no operation issues before it", async () => {
    const document = loadSpec();
    // The unauthenticated calls are the ones that issue tokens.
    for (const [path, item] of Object.entries(document.paths))
      if (Object.values(item).every((op) => (op.security as unknown[] | undefined)?.length === 0))
        delete document.paths[path];
    await expect(build(document)).rejects.toThrow(/no run order issues every token/);
  });

  it("refuses a required field without an example, naming the operation and the field", async () => {
    const document = loadSpec();
    const op = firstOperation(document);
    const schema = {
      type: "object",
      required: ["undocumented"],
      properties: { undocumented: { type: "string" } },
    };
    for (const media of Object.values(op.requestBody?.content ?? {})) media.schema = schema;
    await expect(build(document)).rejects.toThrow(
      `${op.operationId}: required field undocumented documents no example`,
    );
  });
});
