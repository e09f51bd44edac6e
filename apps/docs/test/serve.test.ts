// The built page's server: the one page at every route, sent compressed the best way the client
// accepts, from the .br/.gz copies the build wrote (or from a page held in memory).
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadApiModel } from "@klearstack/spec";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compress, writeWithCompressed } from "../src/compress.ts";
import { operationRoute } from "../src/page.ts";
import { type DocsServer, serveDocs } from "../src/serve.ts";

const html = Buffer.from("<!DOCTYPE html><h1>docs</h1>".repeat(50));
const page = { html, ...(await compress(html)) };
const dist = mkdtempSync(join(tmpdir(), "klearstack-serve-test-"));
let server: DocsServer;

beforeAll(async () => {
  await writeWithCompressed(join(dist, "index.html"), html);
  server = await serveDocs({ dir: dist, port: 0 });
});
afterAll(async () => {
  await server.close();
  rmSync(dist, { recursive: true, force: true });
});

/** fetch() would decompress for us; node's raw http shows the bytes on the wire. */
function get(url: string, headers: Record<string, string> = {}, method = "GET") {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      const req = request(url, { headers, method }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      });
      req.on("error", reject);
      req.end();
    },
  );
}

describe("docs server", () => {
  it("listens on 127.0.0.1", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it("sends Brotli when the client accepts it, else gzip, else the page as is", async () => {
    const br = await get(server.url, { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.body.equals(page.br)).toBe(true);
    const gz = await get(server.url, { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gz.body.equals(page.gzip)).toBe(true);
    const plain = await get(server.url);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.equals(html)).toBe(true);
    expect(plain.headers["content-type"]).toMatch(/^text\/html/);
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
  });

  it("answers every extension-less path with the page (it routes itself), 404 for files it lacks", async () => {
    for (const op of await loadApiModel()) {
      const route = await get(new URL(operationRoute(op), server.url).href);
      expect(route.status, op.operationId).toBe(200);
      expect(route.body.equals(html)).toBe(true);
    }
    expect((await get(`${server.url}index.html`)).status).toBe(200);
    expect((await get(`${server.url}favicon.ico`)).status).toBe(404);
    expect((await get(server.url, {}, "POST")).status).toBe(405);
  });

  it("answers 304 to a current ETag, and asks browsers to revalidate", async () => {
    const first = await get(server.url);
    expect(first.headers["cache-control"]).toBe("no-cache");
    const again = await get(server.url, { "if-none-match": String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it("serves a page held in memory the same way", async () => {
    const inMemory = await serveDocs({ page, port: 0 });
    try {
      const br = await get(inMemory.url, { "accept-encoding": "br" });
      expect(br.body.equals(page.br)).toBe(true);
      expect((await get(`${inMemory.url}favicon.ico`)).status).toBe(404);
    } finally {
      await inMemory.close();
    }
    await expect(fetch(inMemory.url)).rejects.toThrow();
  });
});
