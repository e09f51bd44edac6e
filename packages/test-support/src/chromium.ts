// How tests get a browser: a fresh context (its own cookies, storage, cache and permissions, like a
// new profile) on the vitest run's one Chromium, which `./chromium-setup` (a vitest globalSetup)
// launches with the project's launcher (@klearstack/chromium) and closes after the run. Each test
// file used to launch its own: about 1.7 s of CPU each time on this machine, for 16 launches a run.
// Outside a vitest run that provides one (a benchmark script, a workspace without the setup) it
// launches a Chromium of its own, as the docs build's route check and `npm run screenshot` do.
import { type Browser, contextOptions, launchChromium } from "@klearstack/chromium";
import { chromium } from "playwright-core";
import { sharedChromiumKey } from "./chromium-key.ts";

export { type Browser, chromiumArgs, chromiumPath } from "@klearstack/chromium";

/** A fresh browser context; close() closes it (and its pages), never the shared browser. */
export async function openBrowser(): Promise<Browser> {
  const endpoint = await sharedEndpoint();
  if (!endpoint) return launchChromium();
  const browser = await chromium.connect(endpoint);
  const context = await browser.newContext(contextOptions);
  return { context, close: () => browser.close() };
}

/** The shared Chromium's endpoint, when this runs in a vitest worker whose setup launched one. */
async function sharedEndpoint(): Promise<string | undefined> {
  if (!process.env.VITEST_WORKER_ID) return undefined;
  const { inject } = await import("vitest");
  return inject(sharedChromiumKey);
}
