// The code samples are derived from the spec, never written by hand: these tests change the spec
// and watch every sample follow, and hold each sample to the rules the page promises.
import { type JsonSchema, loadSpec, resolveRef, tokenOperation } from "@klearstack/spec";
import { describe, expect, it } from "vitest";
import { listedSampleLabels } from "../src/build.ts";
import { codeSamplesFor, defaultServerUrl, operationsOf } from "../src/samples.ts";

const { path, exampleFields } = tokenOperation();

/** A field and its value as any sample writes them: a few quote/separator characters apart. */
const fieldWithValue = (name: string, value: string) =>
  new RegExp(`${literal(name)}.{0,6}${literal(value).replaceAll(" ", "( |%20)")}`);
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function samples(edit: (spec: ReturnType<typeof loadSpec>) => void = () => {}, serverUrl?: string) {
  const spec = loadSpec();
  edit(spec);
  const [ref] = operationsOf(spec);
  if (!ref) throw new Error("spec has no operation");
  return codeSamplesFor(spec, ref, serverUrl ?? defaultServerUrl(spec));
}

describe("generated code samples", () => {
  it("cover the seven tabs redocly.yaml lists, in its order (Redoc 3 hides unlisted ones)", () => {
    expect(samples().map((s) => s.label)).toEqual(listedSampleLabels());
    expect(listedSampleLabels()).toEqual([
      "curl (multipart)",
      "curl (urlencoded)",
      "Python (requests)",
      "Java (OkHttp)",
      "Node.js (axios)",
      "JavaScript (XHR)",
      "TypeScript (@klearstack/client)",
    ]);
  });

  it("call the spec's first server (the local mock) at the operation's path", () => {
    const spec = loadSpec();
    const url = `${spec.servers?.[0]?.url}${path}`;
    for (const sample of samples()) {
      if (sample.lang === "TypeScript")
        expect(sample.source).toContain(`"${spec.servers?.[0]?.url}"`);
      else expect(sample.source, sample.label).toContain(url);
    }
  });

  it("send every form field with the example value the spec gives it", () => {
    expect(Object.keys(exampleFields).length).toBeGreaterThan(0);
    for (const sample of samples()) {
      for (const [name, value] of Object.entries(exampleFields))
        expect(sample.source, `${sample.label}: ${name}`).toMatch(fieldWithValue(name, value));
    }
  });

  it("follow a spec edit: new example values, server URL and operation name", () => {
    // A new example per field: "4711" for the first, "Globex 2" for the second, and so on.
    const newValues = Object.fromEntries(
      Object.keys(exampleFields).map((name, i) => [name, i === 0 ? "4711" : `Globex ${i + 1}`]),
    );
    const edited = samples((spec) => {
      const { operation, requestMediaTypes } = tokenOperation(spec);
      const request = resolveRef(
        spec,
        operation.requestBody.content[requestMediaTypes[0]!]!.schema,
      );
      const properties = request.properties as Record<string, JsonSchema>;
      for (const [name, value] of Object.entries(newValues))
        resolveRef(spec, properties[name]).examples = [value];
      spec.servers![0]!.url = "http://127.0.0.1:4999";
      operation.operationId = "issueTokens";
    });
    for (const sample of edited) {
      for (const [name, value] of Object.entries(newValues)) {
        expect(sample.source, `${sample.label}: ${name}`).toMatch(fieldWithValue(name, value));
        expect(sample.source, `${sample.label}: old ${name}`).not.toContain(exampleFields[name]);
      }
      expect(sample.source, sample.label).toContain("http://127.0.0.1:4999");
    }
    expect(edited.find((s) => s.lang === "TypeScript")?.source).toContain("client.issueTokens({");
    expect(edited.find((s) => s.lang === "Java")?.source).toContain("public class IssueTokens");
  });

  it("take the server URL they are asked for (npm start points them at its own mock)", () => {
    const specServer = defaultServerUrl(loadSpec());
    for (const sample of samples(undefined, "http://127.0.0.1:5123")) {
      expect(sample.source, sample.label).toContain("http://127.0.0.1:5123");
      expect(sample.source, sample.label).not.toContain(specServer);
    }
  });

  it("send no Authorization header and no cookies: the call is unauthenticated (security: [])", () => {
    for (const sample of samples()) {
      expect(sample.source, sample.label).not.toMatch(/authorization|api[_-]?key|bearer|basic /i);
      expect(sample.source, sample.label).not.toMatch(/withCredentials|cookie/i);
    }
  });

  it("never turn off TLS verification", () => {
    const disablers =
      /--insecure|(^|\s)-k(\s|$)|verify\s*=\s*False|rejectUnauthorized|NODE_TLS_REJECT_UNAUTHORIZED|hostnameVerifier|sslSocketFactory|TrustManager/m;
    for (const sample of samples()) expect(sample.source, sample.label).not.toMatch(disablers);
  });

  it("leave the multipart boundary to the client: no hand-set multipart content-type with a boundary", () => {
    for (const sample of samples()) expect(sample.source, sample.label).not.toMatch(/boundary=/);
  });

  it("refuse a spec whose first server is a template, which no sample could call", () => {
    expect(() =>
      samples((spec) => {
        spec.servers = [{ url: "{URL}", variables: { URL: { default: "https://x.invalid" } } }];
      }),
    ).toThrow(/concrete URL/);
  });
});
