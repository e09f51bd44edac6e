// Contract: the built @klearstack/client runs in a real browser. Chromium loads dist/ as native
// ES modules (openapi-fetch through an import map, no bundler) from a page on another origin and
// calls every operation of the spec against the real mock in both encodings (a bearer-protected
// one with the tokens of a login made in the page), plus the documented 500 as a typed error.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, normalize } from "node:path";
import { useMock } from "@klearstack/mock/testing";
import type { OperationModel } from "@klearstack/spec";
import { openBrowser } from "@klearstack/test-support/chromium";
import { type LocalServer, startLocalServer } from "@klearstack/test-support/server";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logins, operations } from "../../packages/client/test/support/fixtures.ts";
import { responseErrors } from "./support/response-errors.ts";

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
function serveStatic(): Promise<LocalServer> {
  return startLocalServer((req, res) => {
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
}

type BrowserOutcome = {
  body?: unknown;
  error?: { name: string; status?: number; body?: string; field?: string };
};

const mock = useMock();
let server: LocalServer;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let tab: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  server = await serveStatic();
  browser = await openBrowser();
  tab = await browser.context.newPage();
  tab.on("pageerror", (error) => pageErrors.push(error.message));
  // Console errors are not collected: Chromium logs every deliberate 500 there.
  await tab.goto(`${server.url}/`);
  await tab
    .waitForFunction(() => "klearstack" in window, undefined, { timeout: 60_000 })
    .catch(() => {
      throw new Error(
        `the client did not load in the page: ${pageErrors.join("; ") || "no error logged"}`,
      );
    });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * What the page needs to call `op`: its typed input (the documented examples, as the client takes
 * them), and where a token goes (field or bearer).
 */
function plan(op: OperationModel, fields: Record<string, unknown> = op.exampleInput) {
  const [login] = logins as [OperationModel];
  const tokenFields = Object.fromEntries(
    op.fields.flatMap((field) => {
      return field.tokenType ? [[field.name, field.tokenType]] : [];
    }),
  );
  const loginTokens = Object.fromEntries(
    (login.success?.body?.tokens ?? []).map((token) => [token.tokenType, token.name]),
  );
  const needsLogin = Boolean(op.bearer) || Object.keys(tokenFields).length > 0;
  return {
    operationId: op.operationId,
    fields,
    login: needsLogin ? { operationId: login.operationId, fields: login.exampleInput } : undefined,
    tokenFields,
    loginTokens,
    bearer: Boolean(op.bearer),
  };
}

/**
 * Calls `op` inside the page (after a login there when it needs tokens); returns the body or the
 * error's shape.
 */
function callInBrowser(options: {
  op: OperationModel;
  encoding: string;
  prefer?: string;
  fields?: Record<string, unknown>;
}) {
  const { encoding, prefer } = options;
  return tab.evaluate(
    async ({ baseUrl, encoding, prefer, call }): Promise<BrowserOutcome> => {
      // biome-ignore lint/suspicious/noExplicitAny: the module object lives in the page
      const { createKlearStackClient } = (window as any).klearstack;
      const client = createKlearStackClient({ baseUrl, encoding });
      const asking = createKlearStackClient({
        baseUrl,
        encoding,
        fetch: prefer
          ? (input: RequestInfo, init?: RequestInit) => {
              const request = new Request(input, init);
              request.headers.set("Prefer", prefer);
              return fetch(request);
            }
          : undefined,
      });
      try {
        const fields = { ...call.fields };
        let accessToken: string | undefined;
        if (call.login) {
          const pair = await client[call.login.operationId](call.login.fields);
          const tokens = Object.fromEntries(
            Object.entries(call.loginTokens).map(([type, name]) => [type, pair[name as string]]),
          );
          for (const [name, type] of Object.entries(call.tokenFields)) fields[name] = tokens[type];
          accessToken = tokens.access;
        }
        const options = call.bearer ? { accessToken } : {};
        return { body: await asking[call.operationId](fields, options) };
      } catch (error) {
        const { name, status, body, field } = error as BrowserOutcome["error"] & object;
        return { error: { name, status, body, field } };
      }
    },
    { baseUrl: mock.url, encoding, prefer, call: plan(options.op, options.fields) },
  );
}

const cases = operations.flatMap((op) =>
  ["urlencoded", "multipart"].map((encoding) => [op.operationId, encoding, op] as const),
);

describe.each(cases)("in Chromium, %s, %s", (_, encoding, op) => {
  it("gets a 200 from the mock that validates against the spec", async () => {
    const { body, error } = await callInBrowser({ op, encoding });
    expect(error).toBeUndefined();
    expect(responseErrors(op, 200, "application/json", body)).toEqual([]);
  });

  it("gets the documented 500 as a KlearStackApiError with its text", async () => {
    const { error } = await callInBrowser({ op, encoding, prefer: "code=500" });
    expect(error).toMatchObject({ name: "KlearStackApiError", status: 500 });
    expect(op.missingParameters.map((m) => m.text)).toContain(error?.body);
  });
});

describe("in Chromium", () => {
  it("refuses an empty field before sending, as a KlearStackValidationError naming it", async () => {
    const [op] = operations as [OperationModel];
    const [field] = op.fields;
    const fields = { ...op.exampleInput, [field?.name ?? ""]: "" };
    const { error } = await callInBrowser({ op, encoding: "urlencoded", fields });
    expect(error).toMatchObject({ name: "KlearStackValidationError", field: field?.name });
  });

  it("raised no uncaught error in the page", () => {
    expect(pageErrors).toEqual([]);
  });
});
