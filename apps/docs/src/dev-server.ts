// The docs server of `npm start`: the dev page (dev-page.ts) at every extension-less path, Redoc's
// bundle beside it, and the live-reload stream. The page is swapped in memory after each rebuild,
// and every open tab is told to reload. Loopback only, so nothing is compressed.
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { contentSecurityPolicy, headerPolicy, withContentSecurityPolicy } from "./csp.ts";
import { readRedocBundle, redocBundleRoute } from "./dev-page.ts";
import { type Listening, listen } from "./listen.ts";
import { LiveReload, liveReloadRoute, liveReloadScript, withLiveReload } from "./live-reload.ts";

export interface DevDocsServer extends Listening {
  /** Serves `html` from the next request on, and tells open tabs to reload. */
  setPage(html: string): void;
}

interface Asset {
  body: Buffer;
  type: string;
  etag: string;
  /** The page's Content-Security-Policy header (csp.ts). */
  policy?: string;
}

export async function serveDevDocs(options: {
  html: string;
  port: number;
  host?: string;
}): Promise<DevDocsServer> {
  const redoc = asset(readRedocBundle(), "text/javascript; charset=utf-8");
  let page = pageAsset(options.html);
  const live = new LiveReload(page.etag);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
    } else if (path === liveReloadRoute) {
      live.attach(res);
    } else if (path === redocBundleRoute) {
      send(req, res, redoc);
    } else if (/\.[a-z0-9]+$/i.test(path) && path !== "/index.html") {
      res.writeHead(404).end();
    } else {
      send(req, res, page);
    }
  });
  const listening = await listen(server, options.port, options.host);
  return {
    ...listening,
    setPage(html) {
      page = pageAsset(html);
      live.announce(page.etag);
    },
  };
}

/**
 * The page as served: with the live-reload script, which names the page by its ETag, and the
 * page's Content-Security-Policy (allowing that script and Redoc's bundle from this server), in
 * the page and as a header.
 */
function pageAsset(html: string): Asset {
  const etag = etagOf(html);
  const policyOptions = { ownScripts: [liveReloadScript(etag)], selfScripts: true };
  const served = withContentSecurityPolicy(withLiveReload(html, etag), policyOptions);
  const policy = headerPolicy(contentSecurityPolicy(served, policyOptions));
  return { ...asset(served, "text/html; charset=utf-8"), etag, policy };
}

function asset(text: string, type: string): Asset {
  return { body: Buffer.from(text), type, etag: etagOf(text) };
}

function etagOf(text: string): string {
  return `"${createHash("sha256").update(text).digest("base64url").slice(0, 22)}"`;
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  { body, type, etag, policy }: Asset,
): void {
  const headers = {
    "content-type": type,
    "cache-control": "no-cache",
    etag,
    ...(policy && { "content-security-policy": policy }),
  };
  if (req.headers["if-none-match"] === etag) {
    res.writeHead(304, headers).end();
    return;
  }
  res.writeHead(200, { ...headers, "content-length": body.length }).end(body);
}
