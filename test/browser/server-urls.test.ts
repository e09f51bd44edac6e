// The docs page shows each server of the spec as the template's default (a server whose URL is a
// variable, "{URL}", shows its default), never as a URL relative to the page: served over http://,
// Redoc would otherwise resolve "{URL}" against the docs server itself.
import { distPage, readWithCompressed, serveDocs } from "@klearstack/docs";
import { loadApiModel } from "@klearstack/spec";
import { openBrowser } from "@klearstack/test-support/chromium";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const model = await loadApiModel();
let server: Awaited<ReturnType<typeof serveDocs>>;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let html = "";

beforeAll(async () => {
  server = await serveDocs({ page: readWithCompressed(distPage), port: 0 });
  browser = await openBrowser();
  const page = await browser.context.newPage();
  await page.goto(server.url);
  await page.getByRole("heading", { name: model.title }).first().waitFor();
  // Redoc renders every operation's server list once the page is laid out.
  const templated = model.servers.find((s) => !/^https?:\/\/127\./.test(s.url));
  if (!templated) throw new Error("the spec needs a server other than the local mock");
  await page.getByText(templated.url).first().waitFor({ state: "attached" });
  html = await page.content();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("server URLs on the docs page", () => {
  it("shows every server at its URL with its variables at their defaults", () => {
    for (const { url } of model.servers.slice(1)) expect(html).toContain(url);
  });

  it("never shows a server URL relative to the page", () => {
    const origin = new URL(server.url).origin;
    expect(html).not.toMatch(new RegExp(`${origin}/(\\{|%7B)`));
  });
});
