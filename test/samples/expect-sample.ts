// What every sample of every operation must do against the mock, read from the operation model:
// exit 0 after exactly one call to the operation's method and path, in the encoding its tab
// promises, carrying its credentials (the bearer header exactly when the spec requires one, and
// each secret field from the environment, never a cookie), and get the documented success answer,
// which validates against the spec and which the sample printed. Failures never print a secret.
import { type CodeSample, httpSampleKinds, sampleSecrets } from "@klearstack/docs";
import {
  type ApiModel,
  createSpecValidator,
  encodeFormValue,
  type FormValue,
  type OperationModel,
  SecretMasker,
} from "@klearstack/spec";
import { expect } from "vitest";
import { type RecordingProxy, sentForm } from "./recording-proxy.ts";
import { runners, type Secrets } from "./run-sample.ts";

export async function expectSampleWorks(
  model: ApiModel,
  op: OperationModel,
  sample: CodeSample,
  proxy: RecordingProxy,
  secrets: Secrets,
): Promise<void> {
  const masker = new SecretMasker(Object.values(secrets));
  const runner = runners[sample.lang];
  if (!runner) throw new Error(`no runner for ${sample.lang} samples`);
  const before = proxy.exchanges.length;

  const run = await runner(sample.source, secrets);
  expect(run.exitCode, `${sample.label} failed:\n${masker.mask(run.stderr)}`).toBe(0);

  const calls = proxy.exchanges.slice(before).filter((e) => e.method !== "OPTIONS");
  expect(calls, "exactly one call reached the mock").toHaveLength(1);
  const call = calls[0]!;
  expect(call.method).toBe(op.method.toUpperCase());
  expect(call.path).toBe(op.path);
  expect(call.status, masker.mask(call.responseBody.toString())).toBe(Number(op.success?.status));
  expect(call.requestHeaders.cookie).toBeUndefined();

  // Credentials: the bearer token the variable held, exactly when the spec requires one, and every
  // secret field in the body. Booleans, so a failure names no secret.
  const declared = sampleSecrets(op);
  const bearer = declared.find((secret) => "bearer" in secret.fills);
  const authorization =
    call.requestHeaders[(op.bearer?.parameterName ?? "Authorization").toLowerCase()];
  if (bearer) {
    const sent = authorization === `Bearer ${secrets[bearer.variable]}`;
    expect(sent, `sent the bearer token from ${bearer.variable}`).toBe(true);
  } else {
    expect(authorization, "sent no Authorization header").toBeUndefined();
  }
  const sentBody = call.requestBody.toString();
  for (const secret of declared.filter((s) => "field" in s.fills)) {
    const value = secrets[secret.variable] ?? "";
    const sent =
      value !== "" && (sentBody.includes(value) || sentBody.includes(encodeURIComponent(value)));
    expect(sent, `${secret.variable} reached the request body`).toBe(true);
  }

  // The body went out in the encoding the tab promises (multipart with its boundary).
  const contentType = String(call.requestHeaders["content-type"]);
  const mediaType = contentType.split(";")[0]!.trim();
  expect(op.request?.mediaTypes).toContain(mediaType);
  const kind = httpSampleKinds.find((k) => k.label === sample.label);
  if (kind) expect(mediaType).toBe(kind.mediaType);
  if (mediaType === "multipart/form-data") expect(contentType).toMatch(/boundary=/);

  // Each documented value went out, optional ones too, as the model encodes it (an array as
  // repeated keys, "true" or "false").
  const form = await sentForm(call);
  const valued = op.fields.filter(
    (f) => !f.secret && f.kind !== "file" && f.exampleValue !== undefined,
  );
  for (const field of valued) {
    const sent = form.getAll(field.name);
    const expected = encodeFormValue(field, field.exampleValue as FormValue, mediaType).map(
      ([, v]) => String(v),
    );
    // A browser's multipart encoding writes every line break in a text value as CRLF (HTML's
    // form-data algorithm), whatever the page appended: the XHR tab's values arrive so.
    const wire = kind?.target === "javascript" ? expected.map(asBrowserLineBreaks) : expected;
    expect(sent, `${sample.label}: ${field.name}`).toEqual(wire);
  }
  // A file field: in a multipart sample, one file part of the field's media type, with content (it
  // shows the reader how to attach theirs); in an urlencoded one, which cannot carry a file, none.
  for (const field of op.fields.filter((f) => f.kind === "file")) {
    const parts = form.getAll(field.name);
    if (mediaType !== "multipart/form-data") {
      expect(parts, `${sample.label}: ${field.name} is not sent`).toEqual([]);
      continue;
    }
    expect(parts, `${sample.label}: ${field.name} is sent once`).toHaveLength(1);
    const [part] = parts;
    expect(part, `${sample.label}: ${field.name} is a file`).toBeInstanceOf(File);
    const file = part as File;
    expect(file.size, `${sample.label}: ${field.name} has content`).toBeGreaterThan(0);
    const declared = field.schema.contentMediaType;
    if (typeof declared === "string") {
      expect(file.type.split(";")[0], `${sample.label}: ${field.name}'s media type`).toBe(declared);
    }
  }

  const documented = op.success?.body;
  if (!documented) return;
  expect(String(call.responseHeaders["content-type"]).split(";")[0]).toBe(documented.mediaType);
  const text = call.responseBody.toString();
  const body = documented.mediaType.endsWith("json") ? JSON.parse(text) : text;
  expect(createSpecValidator(model)(documented.schemaPointer, body)).toEqual([]);
  // ...and the sample really received it: it printed every value it got (tokens included, so the
  // check is a boolean and the message names no value).
  const values = typeof body === "object" && body ? Object.values(body) : [body];
  expect(values.length).toBeGreaterThan(0);
  const printedAll = values.every((value) => run.output.includes(String(value)));
  expect(printedAll, `${sample.label} did not print the body it got`).toBe(true);
}

/** HTML's form-data encoding: a lone CR or LF becomes CRLF. */
const asBrowserLineBreaks = (value: string): string => value.replace(/\r\n|\r|\n/g, "\r\n");
