// The generated collection, read as a Postman user would meet it: one folder per encoding the spec
// declares, a baseUrl variable, the spec's examples as values, and generated tests everywhere.
// Running it (newman against the mock and against drifted servers) is in test/postman/.
import { STATUS_CODES } from "node:http";
import { type JsonSchema, loadSpec, resolveRef, tokenOperation } from "@klearstack/spec";
import { describe, expect, it } from "vitest";
import { buildCollection } from "../src/collection.ts";
import type { PostmanItem } from "../src/convert.ts";
import { inlineRefs } from "../src/schema.ts";

const spec = loadSpec();
const tokenCall = tokenOperation(spec);
const { operation } = tokenCall;
const encodings = tokenCall.requestMediaTypes;
const statuses = Object.keys(operation.responses);
const [successStatus, success] =
  Object.entries(operation.responses).find(([status]) => status.startsWith("2")) ?? [];
// Postman's body mode for each form encoding (Postman's vocabulary, not the spec's).
const postmanMode: Record<string, string> = {
  "application/x-www-form-urlencoded": "urlencoded",
  "multipart/form-data": "formdata",
};
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
    expect(encodings.length).toBeGreaterThan(0);
    expect(folders.map((f) => f.name)).toEqual(encodings);
    const modes = encodings.map((encoding) => postmanMode[encoding]);
    expect(modes).not.toContain(undefined);
    expect(folders.map((f) => f.item![0]!.request!.body!.mode)).toEqual(modes);
  });

  it("has a baseUrl variable defaulting to the spec's local mock server", () => {
    const baseUrl = collection.variable?.find((v) => v.key === "baseUrl");
    expect(baseUrl?.value).toBe(spec.servers?.[0]?.url);
    for (const item of requests)
      expect((item.request!.url as { host: string[] }).host).toEqual(["{{baseUrl}}"]);
  });

  it("sends the spec's field examples, through one collection variable per field", () => {
    const { exampleFields } = tokenCall;
    expect(Object.keys(exampleFields).length).toBeGreaterThan(0);
    for (const [field, example] of Object.entries(exampleFields)) {
      expect(collection.variable?.find((v) => v.key === field)?.value).toBe(example);
    }
    for (const folder of folders)
      expect(fields(folder.item![0]!)).toEqual(
        Object.keys(exampleFields).map((key) =>
          expect.objectContaining({ key, value: `{{${key}}}` }),
        ),
      );
  });

  it("leaves the multipart Content-Type (and its boundary) to the runtime", () => {
    const folder = folders.find((f) => f.name === "multipart/form-data");
    expect(folder, "the spec offers multipart/form-data").toBeDefined();
    const multipart = folder!.item!.map((item) => item.request!.header.map((h) => h.key));
    for (const headers of multipart) expect(headers).not.toContain("Content-Type");
  });

  it("per encoding: one valid request, and one per documented missing parameter", () => {
    expect(tokenCall.errorTexts.length).toBeGreaterThan(0);
    for (const folder of folders) {
      expect(folder.item).toHaveLength(1 + tokenCall.errorTexts.length);
      for (const parameter of tokenCall.requiredFields) {
        const item = folder.item!.find((i) => i.name.includes(`without ${parameter}`))!;
        const text = tokenCall.missingParameterText(parameter);
        expect(fields(item).map((f) => f.key)).not.toContain(parameter);
        expect(script(item)!.join("\n")).toContain(JSON.stringify(text));
        // Its saved example response carries the status's own reason phrase.
        const [saved] = item.response ?? [];
        expect(saved?.body).toBe(text);
        expect(saved?.status).toBe(STATUS_CODES[saved!.code]);
      }
    }
  });

  it("every request carries generated tests for status and Content-Type", () => {
    for (const item of requests) {
      const exec = script(item)!.join("\n");
      expect(exec).toMatch(/^\/\/ Generated from spec\/openapi.yaml/);
      const status = /pm\.response\.to\.have\.status\((\d+)\)/.exec(exec)?.[1];
      expect(statuses).toContain(status);
      expect(exec).toContain("Content-Type");
      // Each script is valid JavaScript (Postman would otherwise fail only at run time).
      expect(() => new Function("pm", exec)).not.toThrow();
    }
  });

  it("the success tests embed the spec's response schema with references inlined", () => {
    const exec = script(folders[0]!.item![0]!)!.join("\n");
    const embedded = JSON.parse(/var schema = (.*);/.exec(exec)![1]!);
    expect(successStatus).toBeDefined();
    const [schema] = Object.values(success!.content).map((media) => media.schema);
    expect(embedded).toEqual(inlineRefs(spec, schema));
    expect(JSON.stringify(embedded)).not.toContain("$ref");
    expect(embedded.required.length).toBeGreaterThan(0);
    expect(embedded.required).toEqual(resolveRef<JsonSchema>(spec, schema).required);
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
