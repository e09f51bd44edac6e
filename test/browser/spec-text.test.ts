// Spec text never runs in the docs page. An attacker's spec (hostile-spec.ts: HTML that would run,
// plain and encoded, in every place spec text reaches) is built into the page with the lint gate
// bypassed, because the page must be safe on its own: the built page opened as a file (its <meta>
// policy alone), the same page served, and `npm start`'s dev page, each in Chromium. None opens a
// dialog, runs a payload, or holds a frame, a plugin, an event-handler attribute or a script URL;
// and the Content-Security-Policy stops script injected past the sanitizer, while the console can
// still reach another host. The lint rule flags every string the attacker wrote.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { buildDevPage, buildDocs, serveDevDocs, serveDocs } from "@klearstack/docs";
import { ConsoleDriver, consoleModelOf } from "@klearstack/docs/console";
import { loadApiModel } from "@klearstack/spec";
import { openBrowser } from "@klearstack/test-support/chromium";
import { startLocalServer } from "@klearstack/test-support/server";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeHostileSpec } from "./hostile-spec.ts";

const work = mkdtempSync(join(tmpdir(), "klearstack-hostile-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const { specPath, placed } = writeHostileSpec(work);
const model = await loadApiModel(specPath);
const builtPage = join(work, "dist", "index.html");
const repoRoot = new URL("../../", import.meta.url).pathname;

let browser: Awaited<ReturnType<typeof openBrowser>>;
const closers: (() => Promise<void>)[] = [];
/** Where each variant of the page is, once built and served. */
const pages = new Map<string, string>();
/** Another origin the console may call, answering CORS like the mock. */
let elsewhere: Awaited<ReturnType<typeof startLocalServer>>;

beforeAll(async () => {
  const devServerUrl = "http://127.0.0.1:9";
  // No .br/.gz copies (about 2 s of CPU): served, the page goes out as written, and what the
  // spec text does in it does not depend on how it was encoded on the way.
  const [, dev] = await Promise.all([
    buildDocs({ spec: specPath, out: builtPage, checkRoutes: false, precompress: false }),
    buildDevPage(specPath, devServerUrl),
  ]);
  pages.set("the built page opened as a file", pathToFileURL(builtPage).href);
  const served = await serveDocs({ dir: join(work, "dist"), port: 0 });
  closers.push(() => served.close());
  pages.set("the built page served", served.url);
  const devDocs = await serveDevDocs({ html: dev.html, port: 0 });
  closers.push(() => devDocs.close());
  pages.set("npm start's dev page", devDocs.url);
  elsewhere = await startLocalServer((req, res) => {
    res.writeHead(200, { "access-control-allow-origin": req.headers.origin ?? "*" }).end("ok");
  });
  closers.push(() => elsewhere.close());
  browser = await openBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  for (const close of closers) await close();
});

interface Opened {
  page: Page;
  dialogs: string[];
  errors: string[];
}

/** Opens a variant, records dialogs and page errors, and walks every operation's section. */
async function open(url: string): Promise<Opened> {
  const page = await browser.context.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => errors.push(error.message));
  // Every violation of the policy, as the page sees it (the test reads them back).
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    // Which element it was, if the test injected it (data-injected), so those can be told apart.
    document.addEventListener("securitypolicyviolation", (event) => {
      const injected = (event.target as HTMLElement | null)?.dataset?.injected ?? "";
      seen.push(`${event.effectiveDirective}|${injected}|${event.blockedURI}`);
    });
  });
  await page.goto(url);
  // Every operation's section, and its console open with the spec's examples and servers in it.
  const driver = new ConsoleDriver(page);
  for (const op of consoleModelOf(model).operations) {
    await driver.open(op);
    await page.locator(`[data-section-id="${op.route}"]`).first().waitFor();
  }
  // Payloads that would run once an image fails to load have had their chance.
  await page.waitForFunction(() => [...document.images].every((image) => image.complete));
  return { page, dialogs, errors };
}

/** What in the DOM could run script: handler attributes, script URLs, frames, plugins, <base>. */
function runnableInDom(): string[] {
  const found: string[] = [];
  const scriptUrl = /^(javascript|vbscript|data:text\/html)/;
  for (const element of document.querySelectorAll("*")) {
    const tag = element.tagName.toLowerCase();
    if (["iframe", "frame", "object", "embed", "base", "applet"].includes(tag)) found.push(tag);
    if (tag === "meta" && element.getAttribute("http-equiv")?.toLowerCase() === "refresh") {
      found.push("meta refresh");
    }
    // The page's own scripts carry the spec as data (Redoc's definition, the console's JSON).
    const ownScript =
      element.getAttribute("type") === "application/json" ||
      element.textContent?.includes("const __redoc_definition = ");
    if (tag === "script" && !ownScript && element.textContent?.includes("__pwned")) {
      found.push("script");
    }
    for (const { name, value } of element.attributes) {
      if (name.toLowerCase().startsWith("on")) found.push(`${tag}[${name}]`);
      // Browsers skip whitespace and control characters in a URL's scheme.
      const url = [...value]
        .filter((c) => c > " ")
        .join("")
        .toLowerCase();
      if (scriptUrl.test(url)) found.push(`${tag}[${name}=${value.slice(0, 30)}]`);
    }
  }
  return found;
}

const variants = [
  { name: "the built page opened as a file", headers: false, injection: true },
  { name: "the built page served", headers: true, injection: true },
  { name: "npm start's dev page", headers: true, injection: false },
];

// Each variant is opened once (a load of this page is about 3 s of Chromium CPU): its tests run in
// order on that page, the checks of what the spec text did before anything is injected into it.
describe.each(variants)(
  "spec text in the docs page, with the lint gate bypassed: $name",
  (variant) => {
    let opened: Opened;
    beforeAll(async () => {
      opened = await open(pages.get(variant.name) ?? "");
    }, 180_000);
    afterAll(() => opened?.page.close());

    it("no dialog, no payload ran, no frame, nothing runnable in the DOM", async () => {
      const { page, dialogs, errors } = opened;
      expect(dialogs).toEqual([]);
      await expect(page.evaluate(() => "__pwned" in window)).resolves.toBe(false);
      expect(page.frames()).toHaveLength(1);
      await expect(page.evaluate(runnableInDom)).resolves.toEqual([]);
      expect(errors).toEqual([]);
    });

    if (variant.headers) {
      it("the server sends the page's policy as a header, framing refused", async () => {
        const response = await fetch(pages.get(variant.name) ?? "");
        const header = response.headers.get("content-security-policy") ?? "";
        const html = await response.text();
        expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="`);
        for (const directive of [
          "script-src ",
          "frame-src 'none'",
          "object-src 'none'",
          "base-uri 'none'",
          "form-action 'none'",
          "frame-ancestors 'none'",
        ]) {
          expect(header).toContain(directive);
        }
        expect(header).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
      });
    }

    if (variant.injection) {
      it("script injected past the sanitizer is refused by the policy; the console still reaches another host", async () => {
        const { page } = opened;
        const frameLoaded = page.evaluate(
          (url) =>
            new Promise<void>((resolve) => {
              const script = document.createElement("script");
              script.dataset.injected = "script";
              script.textContent = "top.__pwned = 'injected script'";
              document.body.append(script);
              document.body.insertAdjacentHTML(
                "beforeend",
                `<img data-injected="handler" src="data:," onload="top.__pwned='injected handler'">`,
              );
              const framed = document.createElement("iframe");
              framed.src = url;
              document.body.append(framed);
              // A srcdoc frame is not fetched, so frame-src does not apply: it inherits the policy.
              const inline = document.createElement("iframe");
              inline.srcdoc = "<script>top.__pwned = 'srcdoc'</script>";
              inline.addEventListener("load", () => resolve());
              document.body.append(inline);
            }),
          elsewhere.url,
        );
        await frameLoaded;
        // Each is reported as a violation once the browser has refused it.
        await page.waitForFunction((host) => {
          const seen = (window as never as { __violations: string[] }).__violations;
          return (
            seen.some((v) => v.startsWith("script-src-elem|script|")) &&
            seen.some((v) => v.startsWith("script-src-attr|handler|")) &&
            seen.some((v) => v.startsWith("frame-src|") && v.includes(host))
          );
        }, new URL(elsewhere.url).host);
        await expect(page.evaluate(() => "__pwned" in window)).resolves.toBe(false);
        const answer = await page.evaluate(
          (url) => fetch(url).then((r) => r.text()),
          elsewhere.url,
        );
        expect(answer).toBe("ok");
      });
    }
  },
);

it("the lint rule flags every string the attacker wrote", async () => {
  const flagged = await lintedPointers(specPath);
  expect(placed.length).toBeGreaterThan(0);
  expect(placed.filter((pointer) => !flagged.has(pointer))).toEqual([]);
});

/** The JSON pointers `redocly lint` (our redocly.yaml) reports with the runnable-HTML rule. */
async function lintedPointers(file: string): Promise<Set<string>> {
  const output = await promisify(execFile)(
    process.execPath,
    [
      join(repoRoot, "node_modules/@redocly/cli/bin/cli.js"),
      "lint",
      file,
      "--config",
      join(repoRoot, "redocly.yaml"),
      "--format=json",
      "--max-problems=100000",
    ],
    {
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
      maxBuffer: 64 * 1024 * 1024,
    },
  ).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
  const report = JSON.parse(output.stdout) as {
    problems: { ruleId: string; location: { pointer: string }[] }[];
  };
  return new Set(
    report.problems
      .filter((p) => p.ruleId === "klearstack/no-runnable-html")
      .flatMap((p) => p.location.map((l) => decodeURIComponent(l.pointer.replace(/^#/, "")))),
  );
}
