// `npm start` end to end: the real script, the real mock, the real dev page, a real Chromium tab.
// The script watches a temp copy of the spec (test/support/npm-start.ts), which the tests edit.
import { writeFileSync } from "node:fs";
import { loadApiModel } from "@klearstack/spec";
import { openBrowser } from "@klearstack/test-support/chromium";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { documentInPage, operationRoute } from "../src/page.ts";
import { type NpmStart, runNpmStart, specWithSummaries } from "./support/npm-start.ts";

const model = await loadApiModel();
let start: NpmStart;
let mockUrl: string;
let docsUrl: string;

beforeAll(async () => {
  start = await runNpmStart();
  ({ mockUrl, docsUrl } = start);
});

afterAll(() => start?.cleanUp());

describe("npm start", () => {
  it("prints both URLs, on 127.0.0.1, at the ports the environment asked for", () => {
    expect(mockUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(docsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it("lists every operation: its mock endpoint and its place on the page", async () => {
    // The lines may arrive in any chunk after the `Docs:` line: wait until each has arrived.
    const expected = model.operations.flatMap((op) => [
      `${op.method.toUpperCase()} ${mockUrl}${op.path}`,
      `${docsUrl}#${operationRoute(op)}`,
    ]);
    await start.waitFor(
      () => expected.every((line) => start.output.includes(line)) || undefined,
      "a line per operation",
    );
    for (const line of expected) expect(start.output).toContain(line);
  });

  it("serves the docs page, listing and calling the mock it started", async () => {
    const page = await (await fetch(docsUrl)).text();
    expect(documentInPage(page).servers?.[0]?.url).toBe(mockUrl);
    for (const op of model) expect(page, op.operationId).toContain(`${mockUrl}${op.path}`);
  });

  it("serves the mock: every operation answers a status the spec documents for it", async () => {
    for (const op of model) {
      const res = await fetch(`${mockUrl}${op.path}`, {
        method: op.method.toUpperCase(),
        body: new URLSearchParams(op.exampleFields),
      });
      await res.body?.cancel();
      expect(
        op.responses.map((r) => r.status),
        op.operationId,
      ).toContain(String(res.status));
    }
  });

  it("brings a spec edit to the served page, and the open tab reloads itself to show it", async () => {
    const browser = await openBrowser();
    try {
      const tab = await browser.context.newPage();
      const [first] = model.operations;
      if (!first) throw new Error("the spec has no operation");
      await tab.goto(`${docsUrl}#${operationRoute(first)}`);
      await heading(tab, String(first.summary)).waitFor({ state: "visible" });
      // A mark on the open tab's window: a reload, and only a reload, takes it away.
      await tab.evaluate(() => Object.assign(window, { beforeTheEdit: true }));

      writeFileSync(start.spec, await specWithSummaries((op) => `${op.operationId} 4711`));
      await start.waitFor(async () => {
        const page = await (await fetch(docsUrl)).text();
        return model.operations.every((op) => page.includes(`${op.operationId} 4711`)) || undefined;
      }, "the edited page");
      await tab.waitForFunction(() => !("beforeTheEdit" in window), null, { timeout: 300_000 });
      await heading(tab, `${first.operationId} 4711`).waitFor({ state: "visible" });
      // One watcher serves both: the same save reloaded the mock.
      await start.waitFor(() => /mock: reloaded .+/.exec(start.output)?.[0], "the mock's reload");
    } finally {
      await browser.close();
    }
  });

  it("keeps serving the last good page when an edit breaks the spec, and says why", async () => {
    const good = await (await fetch(docsUrl)).text();
    writeFileSync(start.spec, "openapi: [this is not\n");
    await start.waitFor(
      () => /Docs not updated, still serving the last good page: .+/.exec(start.output)?.[0],
      "the refusal",
    );
    await start.waitFor(
      () => /Mock kept the previous spec: .+/.exec(start.output)?.[0],
      "the mock's refusal",
    );
    expect(await (await fetch(docsUrl)).text()).toBe(good);
    writeFileSync(start.spec, await specWithSummaries((op) => `${op.operationId} 4712`));
    await start.waitFor(async () => {
      const page = await (await fetch(docsUrl)).text();
      return page.includes(`${model.operations[0]?.operationId} 4712`) || undefined;
    }, "the page of the repaired spec");
  });

  it("stops both on Ctrl-C (SIGINT): exit 0, ports closed, no process left behind", async () => {
    const exited = new Promise<number | null>((resolve) => start.child.once("exit", resolve));
    start.child.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(await start.leftBehind()).toEqual([]);
    for (const url of [mockUrl, docsUrl]) {
      await expect(fetch(url), url).rejects.toThrow();
    }
    // "exit" can come before the last of the output has been read from the pipe.
    await vi.waitFor(() => expect(start.output).toContain("Stopped the mock and the docs."), {
      timeout: 30_000,
    });
  });
});

/** An operation's heading as Redoc shows it (its accessible name ends with the summary). */
function heading(tab: Page, summary: string) {
  const escaped = summary.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return tab.getByRole("heading", { name: new RegExp(`${escaped}$`) });
}
