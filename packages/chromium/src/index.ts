// How this project starts a browser: the system Chromium (Debian's, never playwright's download),
// headless, with a fresh profile and none of its own background traffic, so every request seen
// comes from the page. The docs build's route check and `npm run screenshot` use it, and tests get
// it through @klearstack/test-support/chromium: one launcher, not a product export for tests.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

export const chromiumPath = "/usr/bin/chromium";

export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Launches Chromium with a throwaway user-data-dir; close() removes it. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `No Chromium at ${chromiumPath}. Install it with \`apt-get install chromium\` (Debian); playwright's own browser download is not used.`,
    );
  }
  const profile = mkdtempSync(join(tmpdir(), "klearstack-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
