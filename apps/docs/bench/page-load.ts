// Benchmark of the docs page as `npm start` serves it: bytes on the wire (and what the try-it
// console adds to them), and the time from navigation to an operation's heading being visible in
// headless Chromium, for every operation (each through its own route), against a baseline page
// (the same headings, same server, same browser) measured in the same run; plus the time until the
// console's "Try it" button names that operation.
// Targets (issues 5 and 11): compressed transfer <= 700 kB, page gzip <= 700 kB, the console adds
// <= 30 kB gzip, each operation visible <= 1.0 s. Exits 1 if one is missed.
import { brotliCompressSync, gzipSync } from "node:zlib";
import { loadApiModel } from "@klearstack/spec";
import { openBrowser } from "@klearstack/test-support/chromium";
import type { Page } from "playwright-core";
import { distPage } from "../src/build.ts";
import { compress, readWithCompressed } from "../src/compress.ts";
import { withoutConsole } from "../src/console/inject.ts";
import { operationRoute } from "../src/page.ts";
import { serveDocs } from "../src/serve.ts";

const loads = 7;
const targets = {
  transferBytes: 700_000,
  pageGzipBytes: 700_000,
  consoleGzipBytes: 30_000,
  visibleMs: 1000,
};
const operations = (await loadApiModel()).operations.map((op) => ({
  id: op.operationId,
  heading: String(op.summary),
  route: `#${operationRoute(op)}`,
  launcher: `Try it: ${op.summary ?? op.operationId}`,
}));

const docsPage = readWithCompressed(distPage);
// The same page without the console, compressed the same way: the difference is what it costs.
const withoutTryIt = await compress(Buffer.from(withoutConsole(docsPage.html.toString("utf8"))));
const escapeHtml = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
const baselineHtml = Buffer.from(
  `<!DOCTYPE html><title>baseline</title>${operations.map((op) => `<h2>${escapeHtml(op.heading)}</h2>`).join("")}`,
);
const baselinePage = {
  html: baselineHtml,
  br: brotliCompressSync(baselineHtml),
  gzip: gzipSync(baselineHtml),
};

const docs = await serveDocs({ page: docsPage, port: 0 });
const baseline = await serveDocs({ page: baselinePage, port: 0 });
const browser = await openBrowser();
try {
  const page = await browser.context.newPage();
  // Every load is a cold one: no HTTP cache between loads.
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });

  const transferred = await transferBytes(page, docs.url);
  const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  console.log(
    `docs page bytes: raw ${kB(docsPage.html.length)}, gzip ${kB(docsPage.gzip.length)}, br ${kB(docsPage.br.length)}`,
  );
  const consoleGzip = docsPage.gzip.length - withoutTryIt.gzip.length;
  console.log(
    `  of which the try-it console: gzip +${kB(consoleGzip)}, br +${kB(docsPage.br.length - withoutTryIt.br.length)}; target <= ${kB(targets.consoleGzipBytes)} gzip`,
  );
  console.log(`  page gzip target <= ${kB(targets.pageGzipBytes)}`);
  console.log(
    `transferred to Chromium: ${kB(transferred.bytes)} (${transferred.encoding}); target <= ${kB(targets.transferBytes)}`,
  );
  console.log(
    `navigation -> operation heading visible (and "Try it" naming it), median of ${loads} cold loads each:`,
  );
  const [first] = operations;
  if (!first) throw new Error("the spec has no operation to measure");
  await timeToHeading(page, `${docs.url}${first.route}`, first.heading); // warm-up: the renderer's first start
  await timeToHeading(page, baseline.url, first.heading);
  let slowest = 0;
  for (const op of operations) {
    const docsMs: number[] = [];
    const launcherMs: number[] = [];
    const baselineMs: number[] = [];
    for (let i = 0; i < loads; i++) {
      baselineMs.push((await timeToHeading(page, baseline.url, op.heading)).heading);
      const load = await timeToHeading(page, `${docs.url}${op.route}`, op.heading, op.launcher);
      docsMs.push(load.heading);
      launcherMs.push(load.launcher);
    }
    const docsMedian = median(docsMs);
    const baselineMedian = median(baselineMs);
    slowest = Math.max(slowest, docsMedian);
    console.log(
      `  ${op.id}: docs ${docsMedian.toFixed(0)} ms [${docsMs.map((ms) => ms.toFixed(0)).join(", ")}], baseline ${baselineMedian.toFixed(0)} ms [${baselineMs.map((ms) => ms.toFixed(0)).join(", ")}], ratio ${(docsMedian / baselineMedian).toFixed(1)}x; "Try it" ${median(launcherMs).toFixed(0)} ms`,
    );
  }
  console.log(`  slowest operation: ${slowest.toFixed(0)} ms; target <= ${targets.visibleMs} ms`);
  const missed = [
    transferred.bytes > targets.transferBytes && "transfer size",
    docsPage.gzip.length > targets.pageGzipBytes && "page gzip size",
    consoleGzip > targets.consoleGzipBytes && "console gzip size",
    slowest > targets.visibleMs && "time to visible",
  ].filter(Boolean);
  console.log(missed.length ? `MISSED: ${missed.join(", ")}` : "both targets met");
  process.exitCode = missed.length ? 1 : 0;
} finally {
  await browser.close();
  await docs.close();
  await baseline.close();
}

/** Bytes of the page's body as sent (compressed), with the encoding Chromium negotiated. */
async function transferBytes(page: Page, url: string) {
  const response = await page.goto(url);
  if (!response) throw new Error(`no response from ${url}`);
  const headers = await response.allHeaders();
  return {
    bytes: Number(headers["content-length"]),
    encoding: headers["content-encoding"] ?? "identity",
  };
}

/**
 * Milliseconds from navigation start to the first frame in which the heading is visible (and, when
 * given, the first in which a button with `launcher` as its text is), read from the page's own
 * clock (performance.now() counts from the navigation's time origin).
 */
async function timeToHeading(
  page: Page,
  url: string,
  heading: string,
  launcher?: string,
): Promise<{ heading: number; launcher: number }> {
  await page.goto("about:blank");
  await page.goto(url, { waitUntil: "commit" });
  const handle = await page.waitForFunction(
    ([text, button]) => {
      const scope = window as { seen?: Record<string, number> };
      scope.seen ??= {};
      const seen = scope.seen;
      const visible = (selector: string, wanted: string) =>
        [...document.querySelectorAll(selector)].some(
          (h) => h.textContent?.trim() === wanted && (h as HTMLElement).checkVisibility(),
        );
      if (seen.heading === undefined && visible("h1, h2", text)) seen.heading = performance.now();
      if (seen.launcher === undefined && (!button || visible("button", button))) {
        seen.launcher = performance.now();
      }
      return seen.heading !== undefined && seen.launcher !== undefined ? seen : undefined;
    },
    [heading, launcher ?? ""] as const,
    { polling: "raf", timeout: 30_000 },
  );
  return (await handle.jsonValue()) as { heading: number; launcher: number };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const at = (i: number) => sorted[i] ?? Number.NaN;
  return sorted.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}
