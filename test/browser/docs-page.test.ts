// Docs ↔ spec in a real browser: the page, served the way `npm start` serves it, shows the
// operation, its parameters, both documented responses and every code sample tab, logs no
// errors, and asks no host but its own for anything. Its screenshot is apps/docs/screenshot.png,
// the image the READMEs show: the test rewrites it when the pixels change (the PNG bytes are the
// same run to run for the same page), so `git status` shows it exactly when the page changed.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  clientSampleLabel,
  distPage,
  httpSampleKinds,
  launchChromium,
  operationRoute,
  readBuiltPage,
  readWithCompressed,
  samplesInPage,
  serveDocs,
} from "@klearstack/docs";
import { tokenOperation } from "@klearstack/spec";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const { path, operation, requiredFields } = tokenOperation();
const title = String(operation.summary);
const route = operationRoute(operation);
const samples = samplesInPage(readBuiltPage()).get(operation.operationId) ?? [];
const screenshot = fileURLToPath(import.meta.resolve("@klearstack/docs/screenshot.png"));

let server: Awaited<ReturnType<typeof serveDocs>>;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
const requested: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  server = await serveDocs({ page: readWithCompressed(distPage), port: 0 });
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.on("request", (request) => requested.push(request.url()));
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  await page.goto(server.url);
  // Reach the operation the way a reader does: through the sidebar.
  await page.getByRole("link", { name: "Authentication" }).first().click();
  await page
    .getByRole("link", { name: new RegExp(title) })
    .first()
    .click();
  await page.getByRole("heading", { name: title }).waitFor({ state: "visible" });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the docs page in Chromium", () => {
  it("routes to the operation where operationRoute() says (the bench and file test use it)", () => {
    const url = new URL(page.url());
    expect(`${url.pathname}${url.hash}`).toContain(route);
  });

  it("shows the operation: its summary as a heading, method and path", async () => {
    await expect(page.getByRole("heading", { name: title }).isVisible()).resolves.toBe(true);
    await expect(page.getByText(path).first().isVisible()).resolves.toBe(true);
  });

  it("shows every form parameter the spec requires", async () => {
    expect(requiredFields.length).toBeGreaterThan(0);
    for (const name of requiredFields) {
      await expect(page.getByText(name, { exact: true }).first().isVisible(), name).resolves.toBe(
        true,
      );
    }
  });

  it("shows every documented response (the 200 and the 500) with its description", async () => {
    const statuses = page.getByRole("tablist", { name: "Response status" });
    expect(Object.keys(operation.responses).length).toBeGreaterThan(1);
    for (const [status, response] of Object.entries(operation.responses)) {
      await statuses.getByRole("tab", { name: status }).click();
      // The description's first words, as rendered (Markdown code spans lose their backticks).
      const words = response.description.replaceAll("`", "").split(/\s+/).slice(0, 4).join(" ");
      await expect(page.getByText(words).first().isVisible(), `${status}: ${words}`).resolves.toBe(
        true,
      );
    }
  });

  it("offers every sample as a tab and shows each one exactly as generated", async () => {
    expect(samples.map((s) => s.label)).toEqual([
      ...httpSampleKinds.map((k) => k.label),
      clientSampleLabel,
    ]);
    for (const sample of samples) {
      await openSampleMenu(page);
      await page.getByRole("menuitem", { name: sample.label }).click();
      const shown = await page.locator("pre").first().innerText();
      expect(shown.trim(), sample.label).toBe(sample.source.trim());
    }
  });

  it("asks no host but its own for anything (no CDN, fonts or telemetry)", async () => {
    await page.reload();
    await page.getByRole("heading", { name: title }).waitFor({ state: "visible" });
    const origin = new URL(server.url).origin;
    const foreign = requested.filter((url) => {
      const { protocol } = new URL(url);
      if (protocol === "data:") return false;
      // blob:http://127.0.0.1:PORT/uuid belongs to the page's origin (Redoc's search worker).
      return new URL(protocol === "blob:" ? url.slice(5) : url).origin !== origin;
    });
    expect(requested.length).toBeGreaterThan(0);
    expect(foreign).toEqual([]);
  });

  it("logs no console errors, on first load or reload", () => {
    expect(consoleErrors).toEqual([]);
  });

  it("keeps apps/docs/screenshot.png, the README's image, a screenshot of the operation", async () => {
    await page.getByRole("heading", { name: title }).scrollIntoViewIfNeeded();
    const png = await page.screenshot();
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    if (!existsSync(screenshot) || !readFileSync(screenshot).equals(png)) {
      // Through a rename, so a parallel run never reads half a file.
      const next = `${screenshot}.${process.pid}.tmp`;
      writeFileSync(next, png);
      renameSync(next, screenshot);
    }
    expect(readFileSync(screenshot).equals(png)).toBe(true);
  });
});

/** The sample tabs sit in a menu behind the active sample's label. */
async function openSampleMenu(page: Page) {
  const labels = samples.map((s) => s.label);
  const buttons = page.getByRole("button");
  for (const button of await buttons.all()) {
    const text = (await button.innerText()).trim();
    if (labels.includes(text)) {
      await button.click();
      return;
    }
  }
  throw new Error("no sample menu button on the page");
}

describe("the docs page opened as a plain file", () => {
  it("renders the operation with nothing but the file: no request leaves it, no console error", async () => {
    const local = await launchChromium();
    try {
      const filePage = await local.context.newPage();
      const urls: string[] = [];
      const errors: string[] = [];
      filePage.on("request", (request) => urls.push(request.url()));
      filePage.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      filePage.on("pageerror", (error) => errors.push(error.message));
      await filePage.goto(`${pathToFileURL(distPage).href}#${route}`);
      await filePage.getByRole("heading", { name: title }).waitFor({ state: "visible" });
      expect(urls.filter((url) => !/^(file|blob|data):/.test(url))).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await local.close();
    }
  }, 60_000);
});
