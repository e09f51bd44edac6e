// The built page (apps/docs/dist/index.html, made by `npm run build` before the tests run): it
// carries the generated samples and names no host it would load anything from.
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { loadSpec, tokenOperation } from "@klearstack/spec";
import { describe, expect, it } from "vitest";
import { distPage, withCodeSamples } from "../src/build.ts";
import { readWithCompressed } from "../src/compress.ts";
import { documentInPage, readBuiltPage, samplesInPage } from "../src/page.ts";

const html = readBuiltPage();

describe("the built docs page", () => {
  it("embeds the spec with the samples generated from it, for the spec's local mock", () => {
    const expected = withCodeSamples(loadSpec());
    const { operation } = tokenOperation(expected);
    const shown = documentInPage(html);
    expect(shown.servers).toEqual(expected.servers);
    expect(operation["x-codeSamples"]).toBeDefined();
    expect(samplesInPage(html).get(operation.operationId)).toEqual(operation["x-codeSamples"]);
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
