// The built page (apps/docs/dist/index.html, made by `npm run build` before the tests run) carries
// the try-it console: after Redoc, once, built from today's sources and today's spec, within its
// size budget, touching no browser storage; and the build's route check passes when Redoc shows
// every operation where the console looks for it, and fails when it no longer does (on stand-in
// pages: see those tests).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { loadApiModel } from "@klearstack/spec";
import { openBrowser } from "@klearstack/test-support/chromium";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bundleConsole,
  CONSOLE_END,
  CONSOLE_START,
  checkAnchors,
  consoleModelOf,
  withConsole,
  withoutConsole,
} from "../src/console/index.ts";
import { operationRoute, readBuiltPage } from "../src/page.ts";

const html = readBuiltPage();
const model = await loadApiModel();
const routes = model.operations.map((op) => ({
  operationId: op.operationId,
  route: operationRoute(op),
}));
const between = (start: string, end: string) => {
  const from = html.indexOf(start);
  return from < 0 ? undefined : html.slice(from + start.length, html.indexOf(end, from));
};

describe("the try-it console in the built page", () => {
  it("comes once, after Redoc's markup and script, outside Redoc's root", () => {
    expect(html.split(CONSOLE_START)).toHaveLength(2);
    expect(html.indexOf(CONSOLE_START)).toBeGreaterThan(html.indexOf("hydrate(__redoc_definition"));
    expect(html.indexOf(CONSOLE_END)).toBeLessThan(html.lastIndexOf("</body>"));
    expect(between(CONSOLE_START, CONSOLE_END)).toContain('<div id="ks-console"></div>');
  });

  it("carries the console model of today's spec, and today's console code", async () => {
    const json = between('<script type="application/json" id="ks-console-model">', "</script>");
    expect(JSON.parse(json ?? "null")).toEqual(consoleModelOf(model));
    const { script, style } = await bundleConsole();
    const block = between(CONSOLE_START, CONSOLE_END) ?? "";
    expect(block.includes(script), "run npm run build: the page's console is stale").toBe(true);
    expect(block.includes(style), "run npm run build: the page's console style is stale").toBe(
      true,
    );
  });

  it("adds at most 30 kB to the gzipped page", () => {
    const gzip = (text: string) => gzipSync(text, { level: 9 }).length;
    expect(gzip(html) - gzip(withoutConsole(html))).toBeLessThanOrEqual(30_000);
  });

  it("uses no browser storage and no cookie: tokens and passwords live in the page's memory", async () => {
    const { script } = await bundleConsole();
    for (const api of [
      "localStorage",
      "sessionStorage",
      "indexedDB",
      "cookie",
      "caches",
      "pushState",
    ]) {
      expect(script, api).not.toContain(api);
    }
  });

  it("is added to a page once, before </body>, or the build says why not", async () => {
    const assets = await bundleConsole();
    const consoleModel = consoleModelOf(model);
    expect(() => withConsole("<html>no body end", consoleModel, assets)).toThrow("no </body>");
    expect(() => withConsole(html, consoleModel, assets)).toThrow("already carries the console");
    const page = withConsole("<html><body></body></html>", consoleModel, assets);
    expect(withoutConsole(page)).toBe("<html><body></body></html>");
  });
});

describe("the build's check of Redoc's routes", () => {
  // In the test run's Chromium; the build launches its own (the same check, the same page code).
  // Both paths run on a small stand-in page: Redoc hydrated (a client-side link routing by
  // fragment) and every operation's section at the console's route; the failure path expects them
  // elsewhere. The built page itself passed this check when `npm run build` made it (the tests
  // wait for that build), and the cross tests open every operation's console on it
  // (test/browser/console.test.ts), so a load of it here (about 4 s of CPU) would prove nothing new.
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let work: string;
  /** The stand-in: hydrated, and every operation's section at the console's route. */
  let page: string;
  beforeAll(async () => {
    browser = await openBrowser();
    work = mkdtempSync(join(tmpdir(), "klearstack-routes-"));
    page = join(work, "index.html");
    writeFileSync(
      page,
      `<!DOCTYPE html><title>routes</title><div id="redoc"><a href="#/${routes[0]?.route}">x</a>${routes
        .map((r) => `<div data-section-id="${r.route}"><h2>${r.operationId}</h2></div>`)
        .join("")}</div>`,
    );
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it("passes, counting them, when Redoc shows every operation at the route the console uses", async () => {
    await expect(checkAnchors(page, routes, { browser })).resolves.toEqual({
      checked: routes.length,
    });
  });

  it("fails, naming each operation and what to update, when Redoc routes them elsewhere", async () => {
    const moved = routes.map((r) => ({ ...r, route: `/operation${r.route}` }));
    const check = checkAnchors(page, moved, { routeTimeoutMs: 1000, browser });
    await expect(check).rejects.toThrow("Redoc's route scheme changed");
    await expect(check).rejects.toThrow(
      new RegExp(moved.map((r) => `${r.operationId} at #${r.route}`).join(", ")),
    );
  });
});
