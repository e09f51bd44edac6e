// How this project starts a browser: the system Chromium (Debian's, never playwright's download),
// headless, with a fresh profile and none of its own background traffic, so every request seen
// comes from the page. The docs build's route check and `npm run screenshot` use it, and tests get
// it through @klearstack/test-support/chromium: one launcher, not a product export for tests.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, type BrowserServer, chromium } from "playwright-core";

export const chromiumPath = "/usr/bin/chromium";

/**
 * The Chromium features playwright-core 1.65.1 turns off (its chromiumSwitches.ts). Chromium reads
 * only the last --disable-features switch, and ours comes after playwright's, so ours must carry
 * playwright's list or undo it. test/launch.test.ts fails, naming the feature, when a playwright
 * upgrade turns off one this list lacks.
 */
const playwrightDisabledFeatures = [
  "AvoidUnnecessaryBeforeUnloadCheckSync",
  "DestroyProfileOnBrowserClose",
  "HttpsUpgrades",
  "HttpsFirstBalancedModeAutoEnable",
  "LensOverlay",
  "MediaRouter",
  "PaintHolding",
  "ThirdPartyStoragePartitioning",
  "AvoidCorsURLLoaderRestartOnRedirect",
  "TcpPortRandomizationWin",
  "OptimizationHints",
  "NetworkTimeServiceQuerying",
  "AimEnabled",
  "PreconnectToSearch",
  "msForceBrowserSignIn",
  "msEdgeUpdateLaunchServicesPreferredVersion",
];

/**
 * Since Chromium 151, every new window (so every browser context) preloads the address bar's
 * WebUI popup, headless too, in a renderer of its own: about 2 s of CPU per context on this
 * machine (4 Redoc page loads, each in a fresh context: 22-24 s of CPU with it, 14-15 s
 * without), for a popup a headless page never shows.
 */
export const quietDisabledFeatures = [
  "WebUIOmniboxPopup",
  "WebUIOmniboxAimPopup",
  // Chromium keeps a spare renderer process started for each context's next navigation; a context
  // closed after its pages leaves its spare unused. Without it, 10 fresh contexts with a page each
  // cost 4.7-5.0 s of Chromium's CPU here instead of 6.1-6.3 s, with no change for pages.
  "SpareRendererForSitePerProcess",
];

export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  `--disable-features=${[...playwrightDisabledFeatures, ...quietDisabledFeatures].join(",")}`,
];

/** Every page a test or the build opens: one viewport, so layouts do not depend on the caller. */
export const contextOptions = { viewport: { width: 1280, height: 900 } };

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

function assertChromium(): void {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `No Chromium at ${chromiumPath}. Install it with \`apt-get install chromium\` (Debian); playwright's own browser download is not used.`,
    );
  }
}

/** Launches Chromium with a throwaway user-data-dir; close() removes it. */
export async function launchChromium(): Promise<Browser> {
  assertChromium();
  const profile = mkdtempSync(join(tmpdir(), "klearstack-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    ...contextOptions,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Launches Chromium for clients that connect over its endpoint (`chromium.connect`), each with
 * contexts of its own; playwright gives it a throwaway profile and removes it on close().
 */
export async function launchChromiumServer(): Promise<BrowserServer> {
  assertChromium();
  return chromium.launchServer({ executablePath: chromiumPath, args: chromiumArgs });
}
