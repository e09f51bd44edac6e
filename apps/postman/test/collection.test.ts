// The generated collection, read as a Postman user would meet it: one folder per encoding the spec
// declares, a baseUrl variable, the spec's examples as values, and generated tests everywhere.
// Running it (newman against the mock and against drifted servers) is in test/postman/.
import { loadSpec } from "@klearstack/spec";
import { describe, expect, it } from "vitest";
import { buildCollection } from "../src/collection.ts";
import type { PostmanItem } from "../src/convert.ts";
import { inlineRefs } from "../src/schema.ts";

const spec = loadSpec();
const operation = spec.paths["/access/klearstack/getaccesstokenfromuserid"]!.post!;
const encodings = Object.keys(operation.requestBody.content);
const collection = await buildCollection(spec);
const folders = collection.item;
const requests = folders.flatMap((folder) => folder.item ?? []);
const script = (item: PostmanItem) => item.event?.find((e) => e.listen === "test")?.script.exec;
const fields = (item: PostmanItem) => {
  const body = item.request!.body!;
  return body[body.mode] as { key: string; value: string }[];
};

describe("the generated Postman collection", () => {
  it("has one folder per request encoding in the spec, in the spec's order", () => {
    expect(encodings).toEqual(["application/x-www-form-urlencoded", "multipart/form-data"]);
    expect(folders.map((f) => f.name)).toEqual(encodings);
    expect(folders.map((f) => f.item![0]!.request!.body!.mode)).toEqual(["urlencoded", "formdata"]);
  });

  it("has a baseUrl variable defaulting to the spec's local mock server", () => {
    const baseUrl = collection.variable?.find((v) => v.key === "baseUrl");
    expect(baseUrl?.value).toBe(spec.servers?.[0]?.url);
    for (const item of requests)
      expect((item.request!.url as { host: string[] }).host).toEqual(["{{baseUrl}}"]);
  });

  it("sends the spec's field examples, through one collection variable per field", () => {
    const properties = spec.components.schemas.TokenRequest!.properties as Record<
      string,
      { examples: string[] }
    >;
    for (const [field, property] of Object.entries(properties)) {
      expect(collection.variable?.find((v) => v.key === field)?.value).toBe(property.examples[0]);
    }
    for (const folder of folders)
      expect(fields(folder.item![0]!)).toEqual(
        Object.keys(properties).map((key) => expect.objectContaining({ key, value: `{{${key}}}` })),
      );
  });

  it("leaves the multipart Content-Type (and its boundary) to the runtime", () => {
    const multipart = folders[1]!.item!.map((item) => item.request!.header.map((h) => h.key));
    for (const headers of multipart) expect(headers).not.toContain("Content-Type");
  });

  it("per encoding: one valid request, and one per documented missing parameter", () => {
    const missing = Object.values(operation.responses["500"]!.content["text/plain"]!.examples!);
    for (const folder of folders) {
      expect(folder.item).toHaveLength(1 + missing.length);
      for (const example of missing) {
        const parameter = String(example["x-missing-parameter"]);
        const item = folder.item!.find((i) => i.name.includes(`without ${parameter}`))!;
        expect(fields(item).map((f) => f.key)).not.toContain(parameter);
        expect(script(item)!.join("\n")).toContain(JSON.stringify(example.value));
      }
    }
  });

  it("every request carries generated tests for status and Content-Type", () => {
    for (const item of requests) {
      const exec = script(item)!.join("\n");
      expect(exec).toMatch(/^\/\/ Generated from spec\/openapi.yaml/);
      expect(exec).toMatch(/pm\.response\.to\.have\.status\((200|500)\)/);
      expect(exec).toContain("Content-Type");
      // Each script is valid JavaScript (Postman would otherwise fail only at run time).
      expect(() => new Function("pm", exec)).not.toThrow();
    }
  });

  it("the 200 tests embed the spec's response schema with references inlined", () => {
    const exec = script(folders[0]!.item![0]!)!.join("\n");
    const embedded = JSON.parse(/var schema = (.*);/.exec(exec)![1]!);
    const schema = operation.responses["200"]!.content["application/json"]!.schema;
    expect(embedded).toEqual(inlineRefs(spec, schema));
    expect(JSON.stringify(embedded)).not.toContain("$ref");
    expect(embedded.required).toEqual(spec.components.schemas.TokenPair!.required);
  });

  it("is the same on every build of the same spec (no random ids)", async () => {
    expect(JSON.stringify(await buildCollection(loadSpec()))).toBe(JSON.stringify(collection));
  });
});

describe("inlining schema references", () => {
  it("refuses a recursive schema instead of looping", () => {
    const doc = loadSpec();
    doc.components.schemas.Loop = {
      type: "object",
      properties: { next: { $ref: "#/components/schemas/Loop" } },
    };
    expect(() => inlineRefs(doc, { $ref: "#/components/schemas/Loop" })).toThrow(/recursive/);
  });
});
