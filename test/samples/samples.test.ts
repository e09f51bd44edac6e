// Samples ↔ mock: every code sample on the docs page, exactly as the page shows it with only the
// mock's URL swapped in, runs against the real mock and gets 200 and a body the spec accepts.
import {
  clientSampleLabel,
  documentInPage,
  httpSampleKinds,
  readBuiltPage,
  samplesInPage,
} from "@klearstack/docs";
import { startMock } from "@klearstack/mock";
import {
  createSpecValidator,
  loadSpec,
  responseSchemaPointer,
  tokenOperation,
} from "@klearstack/spec";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RecordingProxy, startRecordingProxy } from "./recording-proxy.ts";
import { requireTools, runners } from "./run-sample.ts";

const spec = loadSpec();
// The spec documents one operation: the token call.
const { path, method, operation, requestMediaTypes } = tokenOperation(spec);
// What a sample must get back: the documented success status and its media type.
const [successStatus, success] =
  Object.entries(operation.responses).find(([status]) => status.startsWith("2")) ?? [];
const [successType] = Object.keys(success?.content ?? {});
if (!successStatus || !successType) throw new Error("the spec documents no success body");
const validateAt = createSpecValidator(spec);
const validate = (status: number, mediaType: string, body: unknown) =>
  validateAt(responseSchemaPointer(path, method, status, mediaType), body);

const page = readBuiltPage();
const shownServer = documentInPage(page).servers?.[0]?.url ?? "";
const samples = samplesInPage(page).get(operation.operationId) ?? [];

/** Example tokens are still tokens: diagnostics never print them. */
const redact = (text: string) => text.replace(/eyJ[\w-]+\.[\w-]+\.[\w-]+/g, "<jwt>");

let mock: Awaited<ReturnType<typeof startMock>>;
let proxy: RecordingProxy;

beforeAll(async () => {
  requireTools();
  mock = await startMock({ port: 0, logLevel: "silent" });
  proxy = await startRecordingProxy(mock.url);
});
afterAll(async () => {
  await proxy?.close();
  await mock?.close();
});

describe("code samples against the mock", () => {
  it("the page shows all seven samples, each with a runner here", () => {
    expect(samples.map((s) => s.label)).toEqual([
      ...httpSampleKinds.map((k) => k.label),
      clientSampleLabel,
    ]);
    for (const sample of samples) expect(Object.keys(runners)).toContain(sample.lang);
  });

  it.each(samples.map((s) => [s.label, s] as const))(
    "%s: 200 and a token pair that validates against the spec",
    async (_label, sample) => {
      const source = sample.source.replaceAll(shownServer, proxy.url);
      expect(source, "the sample names the spec's mock URL").not.toBe(sample.source);
      const before = proxy.exchanges.length;

      const run = await runners[sample.lang]!(source);
      expect(run.exitCode, `${sample.label} failed:\n${redact(run.stderr)}`).toBe(0);

      const calls = proxy.exchanges.slice(before).filter((e) => e.method !== "OPTIONS");
      expect(calls, "exactly one call reached the mock").toHaveLength(1);
      const call = calls[0]!;
      expect(call.method).toBe(method.toUpperCase());
      expect(call.path).toBe(path);
      expect(call.status, redact(call.responseBody.toString())).toBe(Number(successStatus));
      expect(call.requestHeaders.authorization).toBeUndefined();
      expect(call.requestHeaders.cookie).toBeUndefined();

      // The body went out in the encoding the sample promises (multipart with its boundary).
      const sent = String(call.requestHeaders["content-type"]);
      const kind = httpSampleKinds.find((k) => k.label === sample.label);
      const mediaType = sent.split(";")[0]!.trim();
      expect(requestMediaTypes).toContain(mediaType);
      if (kind) expect(mediaType).toBe(kind.mediaType);
      if (mediaType === "multipart/form-data") expect(sent).toMatch(/boundary=/);

      expect(String(call.responseHeaders["content-type"]).split(";")[0]).toBe(successType);
      const body = JSON.parse(call.responseBody.toString()) as Record<string, unknown>;
      expect(validate(Number(successStatus), successType, body)).toEqual([]);
      // ...and the sample really received it: it printed every value it got (tokens included,
      // so the check is a boolean and the message names no value).
      const values = Object.values(body).filter((value) => typeof value === "string");
      expect(values.length).toBeGreaterThan(0);
      const printedAll = values.every((value) => run.output.includes(value));
      expect(printedAll, `${sample.label} did not print the body it got`).toBe(true);
    },
    90_000,
  );

  it("the XHR sample ran cross-origin: the browser sent an Origin other than the mock's", () => {
    const xhr = proxy.exchanges.find((e) => e.requestHeaders.origin !== undefined);
    expect(xhr?.requestHeaders.origin).toMatch(/^http:\/\/localhost:\d+$/);
    expect(xhr?.requestHeaders.origin).not.toBe(proxy.url);
  });
});
