// Serves the docs page over HTTP, compressed. The page is the only asset and routes in the browser
// (/authentication/...), so every extension-less GET path answers with it; anything else is 404.
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Encoding } from "./compress.ts";

export type Page = { html: Buffer } & Record<Encoding, Buffer>;

export interface DocsServer {
  url: string;
  port: number;
  /** Swaps the page served from the next request on (after a rebuild). */
  setPage(page: Page): void;
  close(): Promise<void>;
}

export async function serveDocs(options: {
  page: Page;
  port: number;
  host?: string;
}): Promise<DocsServer> {
  const host = options.host ?? "127.0.0.1";
  let current = withEtag(options.page);
  const server = createServer((req, res) => respond(req, res, current));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/`,
    port,
    setPage(page) {
      current = withEtag(page);
    },
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function withEtag(page: Page) {
  return { ...page, etag: `"${createHash("sha256").update(page.html).digest("base64url")}"` };
}

function respond(req: IncomingMessage, res: ServerResponse, page: ReturnType<typeof withEtag>) {
  const path = new URL(req.url ?? "/", "http://x").pathname;
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { allow: "GET, HEAD" }).end();
    return;
  }
  if (/\.[a-z0-9]+$/i.test(path) && path !== "/index.html") {
    res.writeHead(404).end();
    return;
  }
  const headers: Record<string, string> = {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-cache",
    etag: page.etag,
    vary: "accept-encoding",
    "x-content-type-options": "nosniff",
  };
  if (req.headers["if-none-match"] === page.etag) {
    res.writeHead(304, headers).end();
    return;
  }
  const encoding = negotiate(req.headers["accept-encoding"]);
  const body = encoding ? page[encoding] : page.html;
  if (encoding) headers["content-encoding"] = encoding;
  headers["content-length"] = String(body.length);
  res.writeHead(200, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}

/** Brotli if the client takes it, else gzip, else none (q=0 means "not acceptable"). */
export function negotiate(header: string | string[] | undefined): Encoding | undefined {
  const accepted = new Set(
    String(header ?? "")
      .split(",")
      .map((part) => part.trim().toLowerCase())
      .filter((part) => !/;\s*q=0(\.0*)?$/.test(part))
      .map((part) => part.split(";")[0]),
  );
  if (accepted.has("br")) return "br";
  if (accepted.has("gzip")) return "gzip";
  return undefined;
}
