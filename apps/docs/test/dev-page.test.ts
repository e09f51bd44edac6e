// The page `npm start` serves while the spec is edited shows what the built page shows: the same
// document (samples included), Redoc options and Redoc, only rendered in the browser; and the
// live-reload script exists only there, never in the built page.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadApiModel, specPath } from "@klearstack/spec";
import { UNSEEN_OPERATION_ID, writeUnseenOperationSpec } from "@klearstack/spec/fixtures";
import { describe, expect, it } from "vitest";
import { CONSOLE_END, CONSOLE_START } from "../src/console/index.ts";
import { buildDevPage, readRedocBundle, redocBundleRoute } from "../src/dev-page.ts";
import { liveReloadRoute } from "../src/live-reload.ts";
import { documentInPage, readBuiltPage, samplesInPage } from "../src/page.ts";
import { codeSamplesFor } from "../src/samples.ts";

const built = readBuiltPage();
const model = await loadApiModel();
const [firstServer] = model.servers;
if (!firstServer) throw new Error("the spec lists no server");
const dev = await buildDevPage(specPath, firstServer.url);

/** The JSON literal a page assigns to `const name = …;`. */
function constIn(html: string, name: string): unknown {
  const start = html.indexOf(`const ${name} = `);
  if (start < 0) throw new Error(`the page defines no ${name}`);
  return JSON.parse(html.slice(start + `const ${name} = `.length, html.indexOf(";\n", start)));
}

describe("the dev page of npm start", () => {
  it("renders the built page's document, samples included", () => {
    expect(documentInPage(dev.html)).toEqual(documentInPage(built));
  });

  it("carries the built page's try-it console: the same script, style and operations", () => {
    const consoleOf = (html: string) => {
      const start = html.indexOf(CONSOLE_START);
      return start < 0 ? undefined : html.slice(start, html.indexOf(CONSOLE_END, start));
    };
    expect(consoleOf(dev.html)).toBeDefined();
    // (a boolean: a failing toEqual would print the whole script)
    expect(consoleOf(dev.html) === consoleOf(built), "the consoles differ").toBe(true);
  });

  it("passes Redoc the built page's options", () => {
    expect(constIn(dev.html, "__redoc_options")).toEqual(constIn(built, "__redoc_options"));
  });

  it("loads the Redoc the built page inlines, from its own server, with no CDN logo", () => {
    const version = (code: string) => /Version: (\d+\.\d+\.\d+)/.exec(code)?.[1];
    const redoc = readRedocBundle();
    expect(version(redoc)).toBeDefined();
    expect(version(redoc)).toBe(version(built));
    expect(redoc).not.toContain("cdn.redoc.ly");
    expect(dev.html).toContain(`import { hydrate } from "${redocBundleRoute}"`);
    expect(dev.html).not.toMatch(/(src|href)="(https?:)?\/\//i);
  });

  it("documents an operation the code has never seen, with its samples", async () => {
    const work = mkdtempSync(join(tmpdir(), "klearstack-dev-page-"));
    try {
      const fixture = await buildDevPage(writeUnseenOperationSpec(work), "http://127.0.0.1:9");
      const op = fixture.model.operation(UNSEEN_OPERATION_ID);
      expect(samplesInPage(fixture.html).get(op.operationId)).toEqual(
        codeSamplesFor(op, "http://127.0.0.1:9"),
      );
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe("the built page", () => {
  it("carries no live-reload code: the dev server adds it as it serves the dev page", () => {
    for (const devOnly of [liveReloadRoute, "EventSource"]) {
      // (booleans: a failing toContain would print the whole page)
      expect(built.includes(devOnly), `the built page contains ${devOnly}`).toBe(false);
      expect(dev.html.includes(devOnly), `the dev page contains ${devOnly}`).toBe(false);
    }
  });
});
