// Contract: the built @klearstack/client runs in a real browser. Chromium loads dist/ as native
// ES modules (openapi-fetch through an import map, no bundler) from a page on another origin and
// gets tokens from the real mock in both encodings, plus the documented 500 as a typed error.
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { dirname, join, normalize } from "node:path";
import type { TokenRequest } from "@klearstack/client";
import { launchChromium } from "@klearstack/docs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useMock } from "../support/mock.ts";
import { documentedErrorTexts, exampleInput, responseErrors } from "./support/spec.ts";

const require = createRequire(import.meta.url);
const clientDist = join(dirname(require.resolve("@klearstack/client/package.json")), "dist");
// The ESM build of the openapi-fetch the client depends on, as its exports map names it.
const openapiFetchDir = dirname(
  require.resolve("openapi-fetch/package.json", {
    paths: [dirname(require.resolve("@klearstack/client/package.json"))],
  }),
);
const openapiFetch = join(
  openapiFetchDir,
  JSON.parse(readFileSync(join(openapiFetchDir, "package.json"), "utf8")).exports["."].import,
);

const page = `<!doctype html>
<script type="importmap">{ "imports": { "openapi-fetch": "/openapi-fetch.mjs" } }</script>
<script type="module">
  import * as klearstack from "/client/index.js";
  window.klearstack = klearstack;
</script>`;

/** Serves the page, the client's dist/ and openapi-fetch's ESM build; nothing else. */
function serveStatic(): Promise<Server> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://local").pathname;
    const file =
      path === "/openapi-fetch.mjs"
        ? openapiFetch
        : path.startsWith("/client/")
          ? join(clientDist, normalize(path.slice("/client/".length)).replace(/^(\.\.\/)+/, ""))
          : undefined;
    if (path === "/") return res.writeHead(200, { "content-type": "text/html" }).end(page);
    if (path === "/favicon.ico") return res.writeHead(204).end();
    try {
      const body = readFileSync(file ?? "/nonexistent");
      res.writeHead(200, { "content-type": "text/javascript" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

type BrowserOutcome = { pair?: unknown; error?: { name: string; status?: number; body?: string } };

const mock = useMock();
let server: Server;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let tab: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  server = await serveStatic();
  browser = await launchChromium();
  tab = await browser.context.newPage();
  tab.on("pageerror", (error) => pageErrors.push(error.message));
  // Console errors are not collected: Chromium logs every deliberate 500 there.
  await tab.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  await tab
    .waitForFunction(() => "klearstack" in window, undefined, { timeout: 10_000 })
    .catch(() => {
      throw new Error(
        `the client did not load in the page: ${pageErrors.join("; ") || "no error logged"}`,
      );
    });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

/**
 * Runs one getAccessTokenFromUserId inside the page, with the spec's example input (`input`
 * overrides fields); returns the pair or the error's shape.
 */
function callInBrowser(options: {
  encoding: string;
  prefer?: string;
  input?: Partial<TokenRequest>;
}) {
  const { encoding, prefer } = options;
  return tab.evaluate(
    async ({ baseUrl, encoding, prefer, input }): Promise<BrowserOutcome> => {
      // biome-ignore lint/suspicious/noExplicitAny: the module object lives in the page
      const { createKlearStackClient } = (window as any).klearstack;
      const client = createKlearStackClient({
        baseUrl,
        encoding,
        fetch: prefer
          ? (input: RequestInfo, init: RequestInit) =>
              fetch(input, { ...init, headers: { ...init.headers, Prefer: prefer } })
          : undefined,
      });
      try {
        return { pair: await client.getAccessTokenFromUserId(input) };
      } catch (error) {
        const { name, status, body } = error as { name: string; status?: number; body?: string };
        return { error: { name, status, body } };
      }
    },
    { baseUrl: mock.url, encoding, prefer, input: { ...exampleInput, ...options.input } },
  );
}

describe.each(["urlencoded", "multipart"])("in Chromium, %s", (encoding) => {
  it("gets a token pair from the mock that validates against the spec", async () => {
    const { pair, error } = await callInBrowser({ encoding });
    expect(error).toBeUndefined();
    expect(responseErrors(200, "application/json", pair)).toEqual([]);
  });

  it("gets the documented 500 as a KlearStackApiError with its text", async () => {
    const { error } = await callInBrowser({ encoding, prefer: "code=500" });
    expect(error).toMatchObject({ name: "KlearStackApiError", status: 500 });
    expect(documentedErrorTexts).toContain(error?.body);
  });
});

describe("in Chromium", () => {
  it("refuses an empty field before sending, as a KlearStackValidationError", async () => {
    const { error } = await callInBrowser({ encoding: "urlencoded", input: { user_id: "" } });
    expect(error).toMatchObject({ name: "KlearStackValidationError" });
  });

  it("raised no uncaught error in the page", () => {
    expect(pageErrors).toEqual([]);
  });
});
