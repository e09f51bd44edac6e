// Build time: the console finds an operation by the fragment Redoc 3 routes it to, as
// operationRoute() (src/page.ts) writes it. Redoc renders its routes in the browser only (the
// server-rendered HTML has the overview), so the check opens the built page in Chromium and waits,
// for every operation, for Redoc's section at that route. A Redoc upgrade that changes the scheme
// fails the build here, naming the operations it lost, instead of leaving consoles that never open.
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { type Browser, chromiumPath, launchChromium } from "@klearstack/chromium";
import type { Page } from "playwright-core";

export interface RoutedOperation {
  operationId: string;
  route: string;
}

export type AnchorCheck = { checked: number } | { skipped: string };

export async function checkAnchors(
  page: string,
  operations: RoutedOperation[],
  // Deadlines, not expectations: Redoc hydrates in 1-3 s on an idle machine, but the build runs
  // beside other workspaces' tests, and on a 2-core machine under load it has taken over 20 s.
  // Once one route is missing the scheme has changed, so the rest get only a short look.
  {
    timeoutMs = 180_000,
    routeTimeoutMs = 60_000,
    afterMissTimeoutMs = 2000,
    browser: given,
  }: {
    timeoutMs?: number;
    routeTimeoutMs?: number;
    afterMissTimeoutMs?: number;
    /** A browser to check in (a test's); by default the check launches Chromium and closes it. */
    browser?: Browser;
  } = {},
): Promise<AnchorCheck> {
  if (!existsSync(chromiumPath)) {
    return {
      skipped: `no Chromium at ${chromiumPath} to check Redoc's routes (apt-get install chromium; the tests need it too)`,
    };
  }
  const browser = given ?? (await launchChromium());
  let opened: Page | undefined;
  try {
    const tab = await browser.context.newPage();
    opened = tab;
    const errors: string[] = [];
    tab.on("pageerror", (error) => errors.push(error.message));
    const [first] = operations;
    await tab.goto(`${pathToFileURL(page).href}${first ? `#${first.route}` : ""}`, {
      waitUntil: "commit",
    });
    // Hydrated: Redoc's client-side links route by fragment (the server-rendered ones do not).
    await tab
      .waitForFunction(() => document.querySelector('#redoc a[href^="#/"]'), undefined, {
        timeout: timeoutMs,
      })
      .catch(() => {
        throw new Error(
          `Redoc did not render the page within ${timeoutMs} ms${errors.length ? `: ${errors.join("; ")}` : ""}`,
        );
      });
    const hasSection = (route: string) =>
      tab.evaluate(
        (r) =>
          [...document.querySelectorAll("[data-section-id]")].some(
            (s) => s.getAttribute("data-section-id") === r,
          ),
        route,
      );
    const missing: string[] = [];
    for (const { operationId, route } of operations) {
      if (await hasSection(route)) continue;
      // Not rendered yet (Redoc may render one tag's operations at a time): go there and wait.
      await tab.evaluate((r) => {
        location.hash = r;
      }, `#${route}`);
      const shown = await tab
        .waitForFunction(
          (r) =>
            [...document.querySelectorAll("[data-section-id]")].some(
              (s) => s.getAttribute("data-section-id") === r,
            ),
          route,
          { timeout: missing.length ? afterMissTimeoutMs : routeTimeoutMs },
        )
        .then(
          () => true,
          () => false,
        );
      if (!shown) missing.push(`${operationId} at #${route}`);
    }
    if (missing.length) {
      const routes = await tab.evaluate(() =>
        [...document.querySelectorAll("[data-section-id]")].map((s) =>
          s.getAttribute("data-section-id"),
        ),
      );
      throw new Error(
        `Redoc shows no section at the route the try-it console uses for ${missing.join(", ")}; ` +
          `its sections are at ${routes.map((r) => `#${r}`).join(", ") || "nothing"}. ` +
          "Redoc's route scheme changed: update operationRoute() in apps/docs/src/page.ts.",
      );
    }
    return { checked: operations.length };
  } finally {
    if (given) await opened?.close();
    else await browser.close();
  }
}
