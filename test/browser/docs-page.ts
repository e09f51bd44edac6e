// Docs ↔ spec in a real browser: the product page, served the way `npm start` serves it, shows
// every operation the spec documents, with its parameters, its security, every documented response
// (bodyless ones too) and every code sample tab, logs no errors, and asks no host but its own for
// anything while a reader moves through it; opened as a plain file it does the same. It shows each
// server of the spec as the template's default (a server whose URL is a variable, "{URL}", shows
// its default), never as a URL relative to the page: served over http://, Redoc would otherwise
// resolve "{URL}" against the docs server itself. These tests run on console.test.ts's page (the
// same page, served the same way; a load of it costs about 4 s of CPU with its context), after the
// console's tests, whose last one checked every request the page had made until then. Nothing is
// compared pixel by pixel and nothing is written: the README's screenshot comes from
// `npm run screenshot -w @klearstack/docs`.
import { pathToFileURL } from "node:url";
import {
  distPage,
  operationRoute,
  readBuiltPage,
  sampleLabels,
  samplesInPage,
} from "@klearstack/docs";
import { loadApiModel, type OperationModel } from "@klearstack/spec";
import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { OpenedConsole } from "./console-suite.ts";

const model = await loadApiModel();
const operations = model.operations.map((op) => [op.operationId, op] as const);
const shownSamples = samplesInPage(readBuiltPage());

let page: Page;
let pageUrl = "";
const requested: string[] = [];
const consoleErrors: string[] = [];

/**
 * The docs page's own tests, on the page `opened` gives (console.test.ts: the served product
 * page), once the console's tests are done with it.
 */
export function describeDocsPage(opened: () => OpenedConsole): void {
  // A describe of its own, so its hook runs once the console's tests before it are done.
  describe("the docs page, read", () => {
    beforeAll(async () => {
      ({ page, url: pageUrl } = opened());
      page.on("request", (request) => requested.push(request.url()));
      page.on("console", (message) => {
        if (message.type() === "error") consoleErrors.push(message.text());
      });
      page.on("pageerror", (error) => consoleErrors.push(error.message));
      // A reader of the docs, not of the console: its panel closed.
      if (await page.locator("#ks-panel").isVisible()) {
        await page.getByRole("button", { name: "Close the console" }).click();
      }
      await page.getByRole("heading", { name: model.title }).first().waitFor();
      // The sidebar lists a tag's operations once the reader opens the tag.
      for (const tag of new Set(model.operations.flatMap((op) => op.tags.slice(0, 1)))) {
        await page.getByRole("link", { name: tag, exact: true }).first().click();
      }
    });
    describeServerUrls();
    describeOperations();
    describePlainFile();
  });
}

/**
 * Reaches the operation the way a reader does, through its sidebar link, unless the page is
 * there already (the tests of one operation run one after another); returns its section.
 */
async function openOperation(op: OperationModel): Promise<Locator> {
  const route = operationRoute(op);
  const section = page.locator(`[data-section-id="${route}"]`);
  if (new URL(page.url()).hash !== `#${route}` || !(await heading(section, op).isVisible())) {
    await page.locator(`a[href="#${route}"]`).first().click();
  }
  await heading(section, op).waitFor({ state: "visible" });
  return section;
}

/** The operation's heading; its accessible name ends with the summary (after "link to …"). */
const heading = (scope: Locator | Page, op: OperationModel) =>
  scope.getByRole("heading", { name: new RegExp(`${escapeRegExp(String(op.summary))}$`) });
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A description's first paragraph as the page renders it (Markdown marks gone, spaces joined). */
const firstParagraph = (markdown: string) =>
  (markdown.split(/\n\s*\n/)[0] ?? "").replaceAll(/[`*]/g, "").replace(/\s+/g, " ").trim();

const describeServerUrls = () =>
  describe("server URLs on the docs page", () => {
    let html = "";
    beforeAll(async () => {
      // Redoc renders every operation's server list once the page is laid out.
      const templated = model.servers.find((s) => !/^https?:\/\/127\./.test(s.url));
      if (!templated) throw new Error("the spec needs a server other than the local mock");
      await page.getByText(templated.url).first().waitFor({ state: "attached" });
      html = await page.content();
    });

    it("shows every server at its URL with its variables at their defaults", () => {
      for (const { url } of model.servers.slice(1)) expect(html).toContain(url);
    });

    it("never shows a server URL relative to the page", () => {
      const origin = new URL(pageUrl).origin;
      expect(html).not.toMatch(new RegExp(`${origin}/(\\{|%7B)`));
    });
  });

const describeOperations = () =>
  describe("the docs page in Chromium", () => {
    it("lists every operation of the spec in the sidebar", async () => {
      expect(operations.length).toBeGreaterThan(0);
      for (const [, op] of operations) {
        await expect(
          page.locator(`a[href="#${operationRoute(op)}"]`).count(),
          op.operationId,
        ).resolves.toBeGreaterThan(0);
      }
    });

    // One operation's tests one after another: a reader's visit, and one navigation per operation.
    describe.each(operations)("%s", (_id, op) => {
      it("its summary as a heading at operationRoute(), its method and path", async () => {
        const section = await openOperation(op);
        expect(new URL(page.url()).hash).toBe(`#${operationRoute(op)}`);
        await expect(heading(section, op).isVisible()).resolves.toBe(true);
        await expect(section.getByText(op.path).first().isVisible()).resolves.toBe(true);
        const method = section.getByText(op.method.toUpperCase(), { exact: true }).first();
        await expect(method.isVisible()).resolves.toBe(true);
      });

      it("every form field and the security scheme it needs", async () => {
        const section = await openOperation(op);
        for (const field of op.fields) {
          const shown = section.getByText(field.name, { exact: true }).first();
          await expect(shown.isVisible(), field.name).resolves.toBe(true);
        }
        for (const scheme of op.security) {
          const shown = section.getByText(scheme.name, { exact: true }).first();
          await expect(shown.isVisible(), scheme.name).resolves.toBe(true);
        }
      });

      it("every documented response, with or without a body, with its description", async () => {
        const section = await openOperation(op);
        const statuses = section.getByRole("tablist", { name: "Response status" });
        for (const response of op.responses) {
          await statuses.getByRole("tab", { name: response.status, exact: true }).click();
          const text = firstParagraph(response.description);
          const shown = section.getByText(text, { exact: true }).first();
          await expect(shown.isVisible(), `${response.status}: ${text}`).resolves.toBe(true);
        }
      });

      it("every sample as a tab, each shown exactly as generated", async () => {
        const samples = shownSamples.get(op.operationId) ?? [];
        expect(samples.map((s) => s.label)).toEqual(sampleLabels);
        const section = await openOperation(op);
        for (const sample of samples) {
          await openSampleMenu(section);
          await page.getByRole("menuitem", { name: sample.label, exact: true }).click();
          // Redoc swaps the sample in after the click: wait for the condition, not for one read.
          await expect
            .poll(async () => (await section.locator("pre").first().innerText()).trim(), {
              message: sample.label,
              timeout: 60_000,
            })
            .toBe(sample.source.trim());
        }
      });
    });

    // Its load, and the console's work on it, the console's last test checked.
    it("asks no host but its own for anything (no CDN, fonts or telemetry) while a reader moves through it", () => {
      const origin = new URL(pageUrl).origin;
      const foreign = requested.filter((url) => {
        const { protocol } = new URL(url);
        if (protocol === "data:") return false;
        // blob:http://127.0.0.1:PORT/uuid belongs to the page's origin (Redoc's search worker).
        return new URL(protocol === "blob:" ? url.slice(5) : url).origin !== origin;
      });
      expect(foreign).toEqual([]);
    });

    it("logs no console errors while a reader moves through it", () => {
      expect(consoleErrors).toEqual([]);
    });
  });

/** The sample tabs sit in a menu behind the active sample's label, one menu per operation. */
async function openSampleMenu(section: Locator) {
  for (const button of await section.getByRole("button").all()) {
    if (sampleLabels.includes((await button.innerText()).trim())) {
      await button.click();
      return;
    }
  }
  throw new Error("no sample menu button in the operation's section");
}

const describePlainFile = () =>
  describe("the docs page opened as a plain file", () => {
    it("renders every operation with nothing but the file: no request leaves it, no console error", async () => {
      // A page of its own in the file's own origin (file:), so nothing the served page loaded or
      // cached applies to it.
      const filePage = await page.context().newPage();
      try {
        const urls: string[] = [];
        const errors: string[] = [];
        filePage.on("request", (request) => urls.push(request.url()));
        filePage.on("console", (message) => {
          if (message.type() === "error") errors.push(message.text());
        });
        filePage.on("pageerror", (error) => errors.push(error.message));
        for (const [, op] of operations) {
          await filePage.goto(`${pathToFileURL(distPage).href}#${operationRoute(op)}`);
          await heading(filePage, op).waitFor({ state: "visible" });
        }
        expect(urls.filter((url) => !/^(file|blob|data):/.test(url))).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await filePage.close();
      }
    });
  });
