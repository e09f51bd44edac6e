// Drives the try-it console in a Playwright page the way a reader does: by the operation's route,
// the "Try it" button, labelled inputs and buttons. Shared by the docs tests, the cross tests in
// test/browser and the README screenshot, so each says what it checks, not how to click.
import type { Locator, Page } from "playwright-core";
import type { ConsoleOperation } from "./types.ts";

export interface ShownAnswer {
  status: number;
  documented: string;
  body: string;
  /** Decoded claims (as shown, parsed) and the time-left line, by token field name. */
  tokens: Record<string, { claims: Record<string, unknown>; expiry: string }>;
}

export class ConsoleDriver {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** The console's own part of the page. */
  get root(): Locator {
    return this.page.locator("#ks-console");
  }

  /** This operation's console (present once it was opened). */
  section(op: ConsoleOperation): Locator {
    return this.root.locator(`section[data-operation-id="${op.operationId}"]`);
  }

  /** Goes to the operation's route, as a link in the docs does, then presses "Try it". */
  async open(op: ConsoleOperation): Promise<Locator> {
    if (await this.page.locator("#ks-panel").isVisible()) {
      await this.root.getByRole("button", { name: "Close the console" }).click();
    }
    await this.page.evaluate((route) => {
      location.hash = route;
    }, `#${op.route}`);
    const launcher = this.root.getByRole("button", { name: `Try it: ${op.summary}` });
    await launcher.click();
    const section = this.section(op);
    await section.waitFor({ state: "visible" });
    return section;
  }

  /** Picks the server with this URL from the list, else types it as the custom base URL. */
  async useServer(url: string): Promise<void> {
    const server = this.root.getByLabel("Server", { exact: true });
    const listed = await server
      .locator("option")
      .evaluateAll(
        (options, wanted) => options.some((o) => (o as HTMLOptionElement).value === wanted),
        url,
      );
    if (listed) {
      await server.selectOption(url);
      return;
    }
    await server.selectOption("custom");
    await this.root.getByLabel("Custom base URL").fill(url);
  }

  input(op: ConsoleOperation, name: string): Locator {
    return this.section(op).locator(`input[name="${name}"]`);
  }

  bearer(op: ConsoleOperation): Locator {
    if (!op.bearer) throw new Error(`${op.operationId} takes no bearer credential`);
    return this.section(op).getByLabel(`${op.bearer.header}: Bearer`);
  }

  async chooseEncoding(op: ConsoleOperation, mediaType: string): Promise<void> {
    if (op.mediaTypes.length < 2) return;
    await this.section(op).locator(`input[type=radio][value="${mediaType}"]`).check();
  }

  /** Sends with Enter in the first input (or the Send button) and waits for a new answer. */
  async send(op: ConsoleOperation, how: "enter" | "click" = "click"): Promise<void> {
    const section = this.section(op);
    const result = section.locator(".ks-result");
    await result.evaluate((element) => element.replaceChildren());
    if (how === "enter") {
      await section.locator("form input:not([type=radio])").first().press("Enter");
    } else {
      await section.getByRole("button", { name: "Send", exact: true }).click();
    }
    await result.locator(".ks-status, .ks-problem").first().waitFor();
  }

  /** The answer as shown; fails with the panel's sentence when the send failed. */
  async answer(op: ConsoleOperation): Promise<ShownAnswer> {
    const result = this.section(op).locator(".ks-result");
    const problem = result.locator(".ks-problem");
    if (await problem.count()) throw new Error(`the console said: ${await problem.innerText()}`);
    const tokens: ShownAnswer["tokens"] = {};
    for (const claims of await result.locator(".ks-claims").all()) {
      const name = String(await claims.getAttribute("data-token"));
      const expiry = await claims.locator("xpath=preceding-sibling::p[1]").innerText();
      tokens[name] = { claims: JSON.parse(await claims.innerText()), expiry };
    }
    return {
      status: Number(await result.locator(".ks-status").getAttribute("data-status")),
      documented: await result.locator(".ks-documented").innerText(),
      body: await result.locator(".ks-body").innerText(),
      tokens,
    };
  }

  /** The body with secrets shown (the panel masks them by default), then masked again. */
  async revealedBody(op: ConsoleOperation): Promise<string> {
    const section = this.section(op);
    const toggle = section.getByRole("button", { name: /secrets in the answer/ });
    await toggle.click();
    await section.locator(".ks-result .ks-body").waitFor();
    const body = await section.locator(".ks-result .ks-body").innerText();
    await toggle.click();
    return body;
  }

  /** The sentence shown when nothing came back. */
  async problem(op: ConsoleOperation): Promise<string> {
    return this.section(op).locator(".ks-result .ks-problem").innerText();
  }

  /** Presses "Copy as curl" and returns the command the console shows. */
  async copyAsCurl(op: ConsoleOperation): Promise<string> {
    const section = this.section(op);
    await section.getByRole("button", { name: "Copy as curl" }).click();
    return section.locator(".ks-curl").innerText();
  }
}
