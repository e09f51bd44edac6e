// The code samples are derived from the operation model, never written by hand: these tests hold
// every sample of every operation to the rules the page promises, change the spec and watch the
// samples follow, and feed the generator specs it must refuse.
import {
  type ApiModel,
  encodeFormValue,
  type FieldModel,
  type FormValue,
  loadApiModel,
  loadSpec,
  type OperationModel,
} from "@klearstack/spec";
import { describe, expect, it } from "vitest";
import { listedSampleLabels } from "../src/build.ts";
import { clientOffers } from "../src/client-sample.ts";
import {
  type CodeSample,
  codeSamplesFor,
  codeSamplesOf,
  defaultServerUrl,
  httpSampleKinds,
  placeholderFor,
  sampleLabels,
  sampleSecrets,
} from "../src/samples.ts";

type OpenApiLike = ApiModel["resolved"];

const model = await loadApiModel();
const serverUrl = defaultServerUrl(model);
const samplesOf = codeSamplesOf(model);
/** [operationId, op, its samples], for it.each. */
const operations = model.operations.map(
  (op) => [op.operationId, op, samplesOf.get(op.operationId) ?? []] as const,
);

/**
 * A field and its values as any sample writes them: the name, then each value a few quote or
 * separator characters after the last (a list) or after the name again (repeated keys), the value
 * as is or URL-encoded (OkHttp's urlencoded body is one pre-encoded string).
 */
const fieldWithValues = (name: string, values: string[]) => {
  const value = (text: string) =>
    `(${literal(text).replaceAll(" ", "( |%20)")}|${literal(encodeURIComponent(text))})`;
  const next = `(.{0,6}|[\\s\\S]{0,80}?${literal(name)}.{0,6})`;
  return new RegExp(`${literal(name)}.{0,6}${values.map(value).join(next)}`);
};
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Whether a sample sends `field`'s documented example, as the model encodes it for the sample's
 * media type (an array as its items). A file goes only in a multipart HTTP sample: an urlencoded
 * body cannot carry one, and the TypeScript call leaves the Blob to the caller.
 */
function expectSendsExample(sample: CodeSample, op: OperationModel, field: FieldModel) {
  const said = `${sample.label}: ${field.name}`;
  const kind = httpSampleKinds.find((k) => k.label === sample.label);
  const mediaType = kind?.mediaType ?? op.request?.mediaTypes[0] ?? "";
  if (field.kind === "file") {
    const named = new RegExp(`\\b${literal(field.name)}\\b`);
    if (kind?.mediaType === "multipart/form-data") expect(sample.source, said).toMatch(named);
    else expect(sample.source, said).not.toMatch(named);
    return;
  }
  if (field.exampleValue === undefined) {
    // Left out: the generator refuses a required field without an example (tested below).
    expect(field.required, said).toBe(false);
    return;
  }
  const entries = encodeFormValue(field, field.exampleValue as FormValue, mediaType);
  expect(sample.source, said).toMatch(
    fieldWithValues(
      field.name,
      entries.map(([, value]) => String(value)),
    ),
  );
}

/** A string field any text fits (the model's `freeText`), and no secret: free to edit. */
const isFreeText = (field: FieldModel) => field.freeText && !field.secret;
/** Every JWT starts with the base64url of `{"`. */
const jwt = /eyJ[\w-]*\.[\w-]+\./;

/** The model of the spec after `edit` changed its resolved document (no `$ref` to follow). */
async function editedModel(edit: (document: OpenApiLike) => void) {
  const document = structuredClone(model.resolved);
  edit(document);
  return loadApiModel({ document });
}

/** The object a model pointer names in a document. */
function at(document: OpenApiLike, pointer: string): Record<string, unknown> {
  return pointer
    .split("/")
    .slice(1)
    .reduce<Record<string, unknown>>(
      (node, part) =>
        node[part.replaceAll("~1", "/").replaceAll("~0", "~")] as Record<string, unknown>,
      document,
    );
}

describe("generated code samples", () => {
  it("offer exactly the tabs redocly.yaml lists, in its order (Redoc 3 hides unlisted ones)", () => {
    expect(sampleLabels).toEqual(listedSampleLabels());
  });

  it.each(operations)(
    "%s: every tab, the TypeScript one too (the client offers it)",
    (id, _op, samples) => {
      expect(clientOffers(id), `@klearstack/client has no method ${id}`).toBe(true);
      expect(samples.map((s) => s.label)).toEqual(sampleLabels);
    },
  );

  it.each(operations)(
    "%s: calls the spec's first server (the local mock) at the operation's path",
    (_id, op, samples) => {
      for (const sample of samples) {
        if (sample.lang === "TypeScript") expect(sample.source).toContain(`"${serverUrl}"`);
        else expect(sample.source, sample.label).toContain(`${serverUrl}${op.path}`);
        if (sample.lang !== "TypeScript") {
          expect(sample.source, sample.label).toMatch(new RegExp(op.method, "i"));
        }
      }
    },
  );

  it.each(operations)(
    "%s: sends every non-secret form field with the spec's example value",
    (_id, op, samples) => {
      const plain = op.fields.filter((f) => !f.secret);
      for (const sample of samples) {
        for (const field of plain) expectSendsExample(sample, op, field);
      }
    },
  );

  it.each(operations)(
    "%s: reads each secret from the environment (placeholder in the browser), never the spec's example",
    (_id, op, samples) => {
      const secrets = sampleSecrets(op);
      for (const sample of samples) {
        expect(sample.source, `${sample.label} carries no JWT`).not.toMatch(jwt);
        for (const field of op.fields.filter((f) => f.secret && f.example !== undefined)) {
          expect(sample.source, `${sample.label}: ${field.name}'s example`).not.toContain(
            field.example,
          );
        }
        for (const secret of secrets) {
          const shown =
            sample.lang === "JavaScript" ? placeholderFor(secret.variable) : secret.variable;
          // Once in the comment that says what to set, once where the sample reads it.
          const uses = sample.source.split(shown).length - 1;
          expect(uses, `${sample.label}: ${shown}`).toBeGreaterThanOrEqual(2);
        }
      }
    },
  );

  it.each(operations)(
    "%s: sends Authorization: Bearer exactly when the spec requires it, and never a cookie",
    (_id, op, samples) => {
      for (const sample of samples) {
        if (op.bearer) {
          expect(sample.source, sample.label).toMatch(/Bearer |accessToken:/);
          expect(sample.source, sample.label).toContain(op.bearer.envVar);
        } else {
          expect(sample.source, sample.label).not.toMatch(
            /authorization|api[_-]?key|bearer|basic /i,
          );
          expect(sample.source, sample.label).not.toContain("accessToken:");
        }
        expect(sample.source, sample.label).not.toMatch(/withCredentials|cookie/i);
      }
    },
  );

  it("send no credential at all for an operation with security: []", () => {
    const open = model.operations.filter((op) => op.security.length === 0);
    expect(open.length).toBeGreaterThan(0);
    for (const op of open) expect(sampleSecrets(op).some((s) => "bearer" in s.fills)).toBe(false);
  });

  it.each(operations)("%s: never turn off TLS verification", (_id, _op, samples) => {
    const disablers =
      /--insecure|(^|\s)-k(\s|$)|verify\s*=\s*False|rejectUnauthorized|NODE_TLS_REJECT_UNAUTHORIZED|hostnameVerifier|sslSocketFactory|TrustManager/m;
    for (const sample of samples) expect(sample.source, sample.label).not.toMatch(disablers);
  });

  it.each(operations)("%s: leave the multipart boundary to the client", (_id, _op, samples) => {
    for (const sample of samples) expect(sample.source, sample.label).not.toMatch(/boundary=/);
  });

  it.each(operations)(
    "%s: curl sends secret fields with --form-string (a leading @ never reads a file)",
    (_id, op, samples) => {
      const secretFields = op.fields.filter((f) => f.secret).map((f) => f.name);
      for (const sample of samples.filter((s) => s.lang === "curl")) {
        for (const name of secretFields) {
          expect(sample.source, `${sample.label}: ${name}`).not.toMatch(
            new RegExp(`--form ["']?${name}=`),
          );
        }
      }
    },
  );

  it("follow a spec edit: new example values, server URL and operation names", async () => {
    // A new example for every field any text fits; a typed field keeps one its schema accepts.
    const editable = model.operations.flatMap((op) => op.fields.filter(isFreeText));
    expect(editable.length).toBeGreaterThan(0);
    const edited = await editedModel((document) => {
      (document.servers as { url: string }[])[0]!.url = "http://127.0.0.1:4999";
      for (const op of model) {
        const operation = at(document, op.pointer);
        operation.operationId = `${op.operationId}Renamed`;
        const mediaType = op.request?.mediaTypes[0] ?? "";
        const schema = at(document, op.request?.schemaPointer(mediaType) ?? "");
        const properties = schema.properties as Record<string, Record<string, unknown>>;
        for (const field of op.fields.filter(isFreeText)) {
          properties[field.name]!.examples = [`${field.name}-4711`];
        }
      }
    });
    for (const op of edited) {
      expect(op.operationId).toMatch(/Renamed$/);
      for (const sample of codeSamplesFor(op, defaultServerUrl(edited), {
        clientOffers: () => true,
      })) {
        expect(sample.source, sample.label).toContain("http://127.0.0.1:4999");
        for (const field of op.fields.filter((f) => !f.secret)) {
          if (isFreeText(field)) expect(field.exampleValue).toBe(`${field.name}-4711`);
          expectSendsExample(sample, op, field);
        }
        if (sample.lang === "TypeScript")
          expect(sample.source).toContain(`client.${op.operationId}(`);
        if (sample.lang === "Java")
          expect(sample.source).toMatch(
            new RegExp(`public class ${op.operationId.replace(/^./, (c) => c.toUpperCase())} `),
          );
      }
    }
  });

  it("take the server URL they are asked for (npm start points them at its own mock)", () => {
    for (const [, samples] of codeSamplesOf(model, "http://127.0.0.1:5123")) {
      for (const sample of samples) {
        expect(sample.source, sample.label).toContain("http://127.0.0.1:5123");
        expect(sample.source, sample.label).not.toContain(serverUrl);
      }
    }
  });

  it("leave out the TypeScript tab for an operation the client has no method for", () => {
    const [first] = model.operations;
    const samples = codeSamplesFor(first!, serverUrl, { clientOffers: () => false });
    expect(samples.map((s) => s.label)).toEqual(
      sampleLabels.filter((l) => !l.startsWith("TypeScript")),
    );
  });

  it("refuse a spec without servers: there is no URL to call", async () => {
    const edited = await editedModel((document) => {
      delete document.servers;
    });
    expect(() => defaultServerUrl(edited)).toThrow(/lists no server/);
  });

  it("refuse a form field without an example, naming the operation and the field", async () => {
    const [op] = model.operations.filter((o) => o.fields.some((f) => !f.secret));
    const field = op!.fields.find((f) => !f.secret)!;
    const edited = await editedModel((document) => {
      const schema = at(document, op!.request!.schemaPointer(op!.request!.mediaTypes[0]!));
      const property = (schema.properties as Record<string, Record<string, unknown>>)[field.name]!;
      delete property.examples;
      delete property.example;
    });
    expect(() => codeSamplesFor(edited.operation(op!.operationId), serverUrl)).toThrow(
      `${op!.operationId}: form field ${field.name} needs an example for the samples`,
    );
  });

  it("refuse a security scheme they cannot send, naming it", async () => {
    const document = loadSpec();
    const schemes = document.components.securitySchemes as Record<string, unknown>;
    schemes.partnerKey = { type: "apiKey", in: "header", name: "X-Partner-Key" };
    const [op] = model.operations;
    document.paths[op!.path]![op!.method]!.security = [{ partnerKey: [] }];
    const edited = await loadApiModel({ document });
    expect(() => codeSamplesFor(edited.operation(op!.operationId), serverUrl)).toThrow(
      /can send an http bearer credential only, not partnerKey \(apiKey header\)/,
    );
  });
});
