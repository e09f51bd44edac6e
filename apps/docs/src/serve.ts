// Serves the built docs page with sirv: the .br/.gz copies the build wrote go to clients that accept
// them, every extension-less path gets the page (it routes in the browser), and a path naming a file
// the folder lacks (/favicon.ico) is 404. A page that exists only in memory (a benchmark's baseline)
// is written to a temp folder first, so one server serves both.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sirv from "sirv";
import { type Encoding, encodings } from "./compress.ts";
import { headerPolicy, policyInPage } from "./csp.ts";
import { listen } from "./listen.ts";

export type Page = { html: Buffer } & Record<Encoding, Buffer>;

export interface DocsServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** `dir`: a folder holding index.html (+ .br, .gz), e.g. apps/docs/dist; or a `page` in memory. */
export async function serveDocs(
  options: ({ dir: string } | { page: Page }) & { port: number; host?: string },
): Promise<DocsServer> {
  const scratch = "page" in options ? writePage(options.page) : undefined;
  const dir = "dir" in options ? options.dir : (scratch as string);
  const policy = pagePolicy(join(dir, "index.html"));
  const files = sirv(dir, {
    single: true,
    etag: true,
    gzip: true,
    brotli: true,
    setHeaders: (res) => {
      res.setHeader("cache-control", "no-cache");
      res.setHeader("x-content-type-options", "nosniff");
      const csp = policy();
      if (csp) res.setHeader("content-security-policy", csp);
    },
  });
  const server = createServer((req, res) => {
    if (req.method === "GET" || req.method === "HEAD") files(req, res);
    else res.writeHead(405, { allow: "GET, HEAD" }).end();
  });
  const listening = await listen(server, options.port, options.host);
  return {
    ...listening,
    close: async () => {
      await listening.close();
      if (scratch) rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/**
 * The page's own Content-Security-Policy (the build writes it into the page, csp.ts), sent as a
 * header as well; read again when the page is rebuilt while served.
 */
function pagePolicy(file: string): () => string | undefined {
  let read: { mtime: number; policy: string | undefined } | undefined;
  return () => {
    const mtime = statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? -1;
    if (read?.mtime !== mtime) {
      const inPage = mtime < 0 ? undefined : policyInPage(readFileSync(file, "utf8"));
      read = { mtime, policy: inPage && headerPolicy(inPage) };
    }
    return read.policy;
  };
}

function writePage(page: Page): string {
  const dir = mkdtempSync(join(tmpdir(), "klearstack-page-"));
  writeFileSync(join(dir, "index.html"), page.html);
  for (const [encoding, suffix] of Object.entries(encodings)) {
    writeFileSync(join(dir, `index.html${suffix}`), page[encoding as Encoding]);
  }
  return dir;
}
