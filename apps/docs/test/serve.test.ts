// The docs server: the one page at every route, compressed the best way the client accepts.
import { brotliCompressSync, gzipSync } from "node:zlib";
import { loadApiModel } from "@klearstack/spec";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operationRoute } from "../src/page.ts";
import { type DocsServer, negotiate, serveDocs } from "../src/serve.ts";

const html = Buffer.from("<!DOCTYPE html><h1>docs</h1>".repeat(50));
const page = { html, br: brotliCompressSync(html), gzip: gzipSync(html) };
let server: DocsServer;

beforeAll(async () => {
  server = await serveDocs({ page, port: 0 });
});
afterAll(() => server.close());

// fetch() would decompress for us; node's raw http shows the bytes on the wire.
async function get(path: string, headers: Record<string, string> = {}, method = "GET") {
  const { request } = await import("node:http");
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      const req = request(new URL(path, server.url), { headers, method }, (res) => {
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
    const br = await get("/", { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.body.equals(page.br)).toBe(true);
    const gz = await get("/", { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gz.body.equals(page.gzip)).toBe(true);
    const plain = await get("/");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.equals(html)).toBe(true);
    expect(plain.headers.vary).toBe("accept-encoding");
  });

  it("honours q=0 as a refusal", () => {
    expect(negotiate("br;q=0, gzip")).toBe("gzip");
    expect(negotiate("br;q=0.0, gzip;q=0")).toBeUndefined();
  });

  it("answers every extension-less path with the page (it routes itself), 404 for files it lacks", async () => {
    for (const op of await loadApiModel()) {
      const route = await get(operationRoute(op));
      expect(route.status, op.operationId).toBe(200);
      expect(route.body.equals(html)).toBe(true);
    }
    expect((await get("/index.html")).status).toBe(200);
    expect((await get("/favicon.ico")).status).toBe(404);
    expect((await get("/", {}, "POST")).status).toBe(405);
  });

  it("answers 304 to a current ETag", async () => {
    const first = await get("/");
    const again = await get("/", { "if-none-match": String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it("serves a swapped-in page from the next request on", async () => {
    const next = Buffer.from("<h1>rebuilt</h1>");
    server.setPage({ html: next, br: brotliCompressSync(next), gzip: gzipSync(next) });
    expect((await get("/")).body.toString()).toBe("<h1>rebuilt</h1>");
    server.setPage(page);
  });
});
