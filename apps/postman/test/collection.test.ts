// The generated collection, read as a Postman user meets it, for the product spec and for the
// fixture spec with an operation the code has never seen: one folder per encoding, every operation
// in it with a valid request, one per documented missing parameter and (bearer-protected) one
// without credentials, each carrying generated tests of what the spec documents. Running it
// (newman against the mock and against drifted answers) is in test/postman/ at the root.
import { STATUS_CODES } from "node:http";
import { encodeFormValue, type FormValue } from "@klearstack/spec";
import { describe, expect, it } from "vitest";
import { buildCollection, UNAUTHENTICATED } from "../src/collection.ts";
import { localMockEnvironment } from "../src/environment.ts";
import { testNames } from "../src/tests.ts";
import { effectiveAuth, fields, itemsOf, operationOf, script, specsUnderTest } from "./support.ts";

// Postman's body mode for each form encoding (Postman's vocabulary, not the spec's).
const postmanMode: Record<string, string> = {
  "application/x-www-form-urlencoded": "urlencoded",
  "multipart/form-data": "formdata",
};

describe.each(await specsUnderTest())("the collection of %s", (_, { model, collection }) => {
  const encodings = [...new Set(model.operations.flatMap((op) => op.request?.mediaTypes ?? []))];
  const folders = collection.item;
  const requests = folders.flatMap((folder) => folder.item ?? []);

  it("has one folder per request encoding in the spec, in the spec's order", () => {
    expect(encodings.length).toBeGreaterThan(0);
    expect(folders.map((f) => f.name)).toEqual(encodings);
    for (const [i, folder] of folders.entries()) {
      const modes = (folder.item ?? []).map((item) => item.request?.body?.mode);
      expect(new Set(modes)).toEqual(new Set([postmanMode[encodings[i] ?? ""]]));
    }
  });

  it("sends every request to {{baseUrl}}, which defaults to the spec's local mock server", () => {
    const baseUrl = collection.variable?.find((v) => v.key === "baseUrl");
    expect(baseUrl?.value).toBe(model.servers[0]?.url);
    for (const item of requests)
      expect((item.request!.url as { host: string[] }).host).toEqual(["{{baseUrl}}"]);
  });

  it.each(model.operations.map((op) => [op.operationId, op] as const))(
    "%s: in each of its encodings, a valid request, one per documented missing parameter, and one without credentials if it needs them",
    (_, op) => {
      const anonymous = op.bearer && op.response(UNAUTHENTICATED) ? 1 : 0;
      for (const folder of folders) {
        const items = itemsOf(folder, op);
        const accepts = op.request?.mediaTypes.includes(folder.name) ?? true;
        expect(items).toHaveLength(accepts ? 1 + op.missingParameters.length + anonymous : 0);
        if (!accepts) continue;
        const [valid] = items;
        // Each documented value as the model encodes it (an array once per item), a file only in
        // multipart.
        expect(fields(valid!).map((f) => f.key)).toEqual(
          op.fields.flatMap((f) => {
            if (f.kind === "file") return folder.name === "multipart/form-data" ? [f.name] : [];
            if (!f.required && f.exampleValue === undefined) return [];
            if (f.kind !== "array") return [f.name];
            return encodeFormValue(f, f.exampleValue as FormValue, folder.name).map(([k]) => k);
          }),
        );
        for (const { field, status, mediaType, text } of op.missingParameters) {
          const item = items.find((i) => i.name.includes(`without ${field} `))!;
          expect(fields(item).map((f) => f.key)).not.toContain(field);
          expect(script(item)).toContain(JSON.stringify(testNames.status(Number(status))));
          expect(script(item)).toContain(JSON.stringify(testNames.contentType(mediaType)));
          expect(script(item)).toContain(JSON.stringify(text));
          // Its saved example response carries the documented text and the status's reason phrase.
          const [saved] = item.response ?? [];
          expect(saved?.body).toBe(text);
          expect(saved?.status).toBe(STATUS_CODES[saved!.code]);
        }
      }
    },
  );

  it("every request's script is generated JavaScript that asserts a documented status", () => {
    for (const item of requests) {
      const exec = script(item);
      expect(exec).toMatch(/^\/\/ Generated from spec\/openapi.yaml/);
      const status = /pm\.response\.to\.have\.status\((\d+)\)/.exec(exec)?.[1];
      const op = operationOf(model, item)!;
      expect(op.responses.map((r) => r.status)).toContain(status);
      // Each script is valid JavaScript (Postman would otherwise fail only at run time).
      expect(() => new Function("pm", "require", exec)).not.toThrow();
    }
  });

  it.each(model.operations.map((op) => [op.operationId, op] as const))(
    "%s: the success test embeds the model's resolved body schema, and each JWT field's decoded schema",
    (_, op) => {
      const body = op.success?.body;
      for (const [valid] of folders.map((folder) => itemsOf(folder, op)).filter((i) => i.length)) {
        const exec = script(valid!);
        expect(exec).toContain(JSON.stringify(testNames.status(op.success!.status)));
        expect(exec.includes(testNames.contentType(body?.mediaType ?? "?"))).toBe(!!body);
        const embedded = [...exec.matchAll(/\.to\.have\.jsonSchema\((.*)\);$/gm)].map((m) =>
          JSON.parse(m[1]!),
        );
        expect(embedded).toEqual([
          body?.schema,
          ...(body?.tokens ?? []).map((t) => t.decodedSchema),
        ]);
        expect(JSON.stringify(embedded)).not.toContain("$ref");
        for (const token of body?.tokens ?? [])
          expect(exec).toContain(JSON.stringify(testNames.claims(token.name)));
      }
    },
  );

  it("the request without credentials asserts the documented status, and no body where the spec documents none", () => {
    const bearerOps = model.operations.filter((op) => op.bearer && op.response(UNAUTHENTICATED));
    expect(bearerOps.length).toBeGreaterThan(0);
    for (const op of bearerOps) {
      const refused = op.response(UNAUTHENTICATED)!;
      for (const folder of folders) {
        const [anonymous, ...more] = itemsOf(folder, op).filter(
          (item) => effectiveAuth(collection, item)?.type === "noauth",
        );
        expect(more).toEqual([]);
        const exec = script(anonymous!);
        expect(exec).toContain(JSON.stringify(testNames.status(UNAUTHENTICATED)));
        expect(exec.includes("Content-Type is")).toBe(refused.body !== undefined);
        expect(exec.includes("jsonSchema")).toBe(refused.body !== undefined);
      }
    }
  });

  it("leaves the multipart Content-Type (and its boundary) to the runtime", () => {
    const folder = folders.find((f) => f.name === "multipart/form-data");
    expect(folder, "the spec offers multipart/form-data").toBeDefined();
    for (const item of folder!.item ?? [])
      expect(item.request?.header.map((h) => h.key.toLowerCase())).not.toContain("content-type");
  });

  it("comes with a local-mock environment whose baseUrl is the spec's loopback server", () => {
    const environment = localMockEnvironment(model, collection);
    const loopback = model.servers.find((s) => new URL(s.url).hostname === "127.0.0.1");
    expect(environment.values).toEqual([
      expect.objectContaining({ key: "baseUrl", value: loopback?.url }),
    ]);
  });

  it("is the same on every build of the same spec (no random ids)", async () => {
    expect(JSON.stringify(await buildCollection(model))).toBe(JSON.stringify(collection));
  });
});
