// Samples ↔ mock: every code sample of every operation on the docs page, exactly as the page shows
// it with only the mock's URL swapped in, runs against the real mock and gets the documented
// success answer. A bearer-protected operation's samples first get a token from a login call, and
// read it (and every other secret) the way their comment tells the reader to.
import { documentInPage, readBuiltPage, sampleLabels, samplesInPage } from "@klearstack/docs";
import { useMock } from "@klearstack/mock/testing";
import { loadApiModel } from "@klearstack/spec";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { credentialsFor } from "./credentials.ts";
import { expectSampleWorks } from "./expect-sample.ts";
import { type RecordingProxy, startRecordingProxy } from "./recording-proxy.ts";
import { closeSampleBrowser, requireTools, runners } from "./run-sample.ts";

const model = await loadApiModel();
const page = readBuiltPage();
const shownServer = documentInPage(page).servers?.[0]?.url ?? "";
const shown = samplesInPage(page);
const runs = model.operations.flatMap((op) =>
  (shown.get(op.operationId) ?? []).map(
    (sample) => [op.operationId, sample.label, op, sample] as const,
  ),
);

beforeAll(requireTools);
afterAll(closeSampleBrowser);
const mock = useMock();
let proxy: RecordingProxy;
beforeAll(async () => {
  proxy = await startRecordingProxy(mock.url);
});
afterAll(() => proxy?.close());

describe("code samples against the mock", () => {
  it("the page shows every tab for every operation, each with a runner here", () => {
    for (const op of model) {
      const samples = shown.get(op.operationId) ?? [];
      expect(
        samples.map((s) => s.label),
        op.operationId,
      ).toEqual(sampleLabels);
      for (const sample of samples) expect(Object.keys(runners)).toContain(sample.lang);
    }
  });

  it.each(runs)(
    "%s, %s: the documented success, valid and printed",
    async (_id, _label, op, sample) => {
      const source = sample.source.replaceAll(shownServer, proxy.url);
      expect(source, "the sample names the spec's mock URL").not.toBe(sample.source);
      await expectSampleWorks(
        model,
        op,
        { ...sample, source },
        proxy,
        await credentialsFor(model, op, mock.url),
      );
    },
    90_000,
  );

  it("the XHR samples ran cross-origin: the browser sent an Origin other than the mock's", () => {
    const fromBrowser = proxy.exchanges.filter((e) => e.requestHeaders.origin !== undefined);
    expect(fromBrowser.length).toBeGreaterThan(0);
    for (const exchange of fromBrowser) {
      expect(exchange.requestHeaders.origin).toMatch(/^http:\/\/localhost:\d+$/);
    }
  });
});
