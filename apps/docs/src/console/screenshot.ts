// The README's picture of the console (`npm run screenshot`, never a test): a login made in the
// page, then the first bearer-protected call sent with its token, the answer and its decoded
// token in view. Against a mock started here: on the spec's local port when free, so the picture
// shows the page's own first server, else on any port, typed as the custom base URL.
import { type RunningMock, startMock } from "@klearstack/mock";
import type { ApiModel } from "@klearstack/spec";
import type { Page } from "playwright-core";
import { ConsoleDriver } from "./driver.ts";
import { consoleModelOf } from "./model.ts";

export async function shootConsole(page: Page, pageUrl: string, model: ApiModel): Promise<Buffer> {
  const { operations, servers } = consoleModelOf(model);
  const shown = operations.find((op) => op.bearer) ?? operations[0];
  const login = operations.find(
    (op) => !op.bearer && op.responses.some((r) => r.tokens.some((t) => t.tokenType)),
  );
  if (!shown) throw new Error("the spec has no operation to show");
  const mock = await startLocalMock(servers[0]?.url);
  try {
    const driver = new ConsoleDriver(page);
    await page.goto(`${pageUrl}#${shown.route}`);
    if (login && shown.bearer) {
      await driver.open(login);
      await driver.useServer(mock.url);
      await driver.send(login);
    }
    await driver.open(shown);
    await driver.useServer(mock.url);
    await driver.send(shown);
    await driver.answer(shown); // throws with the panel's sentence if the send failed
    await driver.section(shown).locator(".ks-result .ks-claims").last().scrollIntoViewIfNeeded();
    // Typing leaves a caret and a focus ring in the picture; the answer is the point.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    return await page.screenshot();
  } finally {
    await mock.close();
  }
}

async function startLocalMock(url: string | undefined): Promise<RunningMock> {
  const port = url ? Number(new URL(url).port) : 0;
  try {
    return await startMock({ port, logLevel: "silent" });
  } catch {
    return startMock({ port: 0, logLevel: "silent" });
  }
}
