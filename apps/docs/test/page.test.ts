// The built page (apps/docs/dist/index.html, made by `npm run build` before the tests run): it
// carries the generated samples and names no host it would load anything from.
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { loadApiModel, loadSpec } from "@klearstack/spec";
import { describe, expect, it } from "vitest";
import { distPage } from "../src/build.ts";
import { readWithCompressed } from "../src/compress.ts";
import { documentInPage, readBuiltPage, samplesInPage } from "../src/page.ts";
import { withServersAtDefaults } from "../src/render-page.ts";
import { codeSamplesOf } from "../src/samples.ts";

const html = readBuiltPage();
const model = await loadApiModel();

describe("the built docs page", () => {
  it("embeds every operation with the samples generated from the spec, for the spec's local mock", () => {
    // The spec's servers, each at its variables' defaults (Redoc would resolve "{URL}" against the page).
    expect(documentInPage(html).servers).toEqual(withServersAtDefaults(loadSpec()).servers);
    const shown = samplesInPage(html);
    expect([...shown.keys()]).toEqual(model.operations.map((op) => op.operationId));
    for (const [operationId, samples] of codeSamplesOf(model)) {
      expect(samples.length, operationId).toBeGreaterThan(0);
      expect(shown.get(operationId), operationId).toEqual(samples);
    }
  });

  it("inlines Redoc and loads no script, style, font or image from any host", () => {
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href="(https?:)?\/\//i);
    for (const host of [
      "cdn.redoc.ly",
      "cdn.redocly.com/redoc",
      "fonts.googleapis.com",
      "fonts.gstatic.com",
    ]) {
      expect(html, host).not.toContain(host);
    }
  });

  it("ships Brotli and gzip copies that decompress to the page", () => {
    const page = readWithCompressed(distPage);
    expect(brotliDecompressSync(page.br).equals(page.html)).toBe(true);
    expect(gunzipSync(page.gzip).equals(page.html)).toBe(true);
    expect(page.br.length).toBeLessThan(700_000);
  });
});
