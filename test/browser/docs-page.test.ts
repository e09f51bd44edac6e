// Docs ↔ spec in a real browser: the page, served the way `npm start` serves it, shows the
// operation, its parameters, both documented responses and every code sample tab, logs no
// errors, and asks no host but its own for anything. It leaves a screenshot in test-results/.
import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  distPage,
  launchChromium,
  readBuiltPage,
  readWithCompressed,
  samplesInPage,
  serveDocs,
} from "@klearstack/docs";
import { loadSpec } from "@klearstack/spec";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const spec = loadSpec();
const path = "/access/klearstack/getaccesstokenfromuserid";
const operation = spec.paths[path]?.post;
if (!operation) throw new Error(`spec has no POST ${path}`);
const title = String(operation.summary);
const samples = samplesInPage(readBuiltPage()).get(operation.operationId) ?? [];
const screenshot = fileURLToPath(new URL("../test-results/docs-page.png", import.meta.url));

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
  it("shows the operation: its summary as a heading, method and path", async () => {
    await expect(page.getByRole("heading", { name: title }).isVisible()).resolves.toBe(true);
    await expect(page.getByText(path).first().isVisible()).resolves.toBe(true);
  });

  it("shows both form parameters the spec requires", async () => {
    const request = spec.components.schemas.TokenRequest as { required: string[] };
    expect(request.required).toEqual(["user_id", "company_name"]);
    for (const name of request.required) {
      await expect(page.getByText(name, { exact: true }).first().isVisible(), name).resolves.toBe(
        true,
      );
    }
  });

  it("shows the 200 and the 500 response with their descriptions", async () => {
    const statuses = page.getByRole("tablist", { name: "Response status" });
    expect(Object.keys(operation.responses)).toEqual(["200", "500"]);
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
    expect(samples).toHaveLength(7);
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

  it("writes a screenshot of the operation", async () => {
    mkdirSync(new URL("../test-results/", import.meta.url), { recursive: true });
    await page.getByRole("heading", { name: title }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshot });
    expect(readFileSync(screenshot).subarray(1, 4).toString()).toBe("PNG");
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
      await filePage.goto(
        `${pathToFileURL(distPage).href}#/authentication/getaccesstokenfromuserid`,
      );
      await filePage.getByRole("heading", { name: title }).waitFor({ state: "visible" });
      expect(urls.filter((url) => !/^(file|blob|data):/.test(url))).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await local.close();
    }
  }, 60_000);
});
