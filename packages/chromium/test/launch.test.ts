// What the launcher promises about the browser it starts, checked on the real Chromium: the
// features playwright turns off stay off when we add our own, and a context costs one page, not
// a page plus Chromium's own UI.
import { type BrowserServer, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contextOptions, launchChromiumServer, quietDisabledFeatures } from "../src/index.ts";

let server: BrowserServer;

beforeAll(async () => {
  server = await launchChromiumServer();
});

afterAll(async () => {
  await server?.close();
});

describe("launchChromiumServer", () => {
  it("keeps every feature playwright turns off turned off (Chromium reads only the last --disable-features)", () => {
    const lists = (server.process().spawnargs ?? [])
      .filter((arg) => arg.startsWith("--disable-features="))
      .map((arg) => arg.slice("--disable-features=".length).split(","));
    const effective = lists.at(-1) ?? [];
    const undone = lists.flat().filter((feature) => !effective.includes(feature));
    expect(
      undone,
      "features an earlier --disable-features turns off and ours turns back on",
    ).toEqual([]);
    expect(effective).toEqual(expect.arrayContaining(quietDisabledFeatures));
  });

  it("opens a page in a fresh context without Chromium's own UI pages (the address-bar popup)", async () => {
    const browser = await chromium.connect(server.wsEndpoint());
    try {
      const context = await browser.newContext(contextOptions);
      await context.newPage();
      // The popup is built with the window, so it is listed once newPage() has resolved.
      const cdp = await browser.newBrowserCDPSession();
      const { targetInfos } = await cdp.send("Target.getTargets");
      expect(targetInfos.filter((target) => target.type !== "page").map((t) => t.url)).toEqual([]);
      expect(targetInfos.filter((target) => target.type === "page")).toHaveLength(1);
    } finally {
      await browser.close();
    }
  });
});
