// Try-it ↔ mock in a real browser: for every operation of the spec, the docs page's console sends
// to the real mock and shows the documented success with its tokens decoded, the documented error
// text when a required field is emptied, and, for a bearer-protected call, success with the token
// of a login made in the page and the documented 401 without one. Its "Copy as curl" replays each
// request with curl. Enter sends; no request but those sends leaves the page; no console errors.
// Each page it runs on is a test file of its own (console.test.ts, console-unseen.test.ts), so the
// two run side by side, each with its Chromium and its mock.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { ConsoleDriver, type ConsoleOperation, consoleModelOf } from "@klearstack/docs/console";
import { useMock } from "@klearstack/mock/testing";
import { type ApiModel, createSpecValidator, SecretMasker, schemaFacts } from "@klearstack/spec";
import { openBrowser } from "@klearstack/test-support/chromium";
import { closedPort } from "@klearstack/test-support/server";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);

export interface ConsoleSuite {
  name: string;
  spec: string;
  model: ApiModel;
  /** Serves or builds the page for the running mock: its URL, and how to stop serving it. */
  page(mockUrl: string): Promise<{ url: string; close(): Promise<void> }>;
  /**
   * The operations whose own tests (success, missing fields, bearer) run on this page; default
   * all. A page whose spec repeats another suite's operations covers only its new ones: those
   * tests are proven once, the page's own (keyboard, routing, a server down, requests) on each.
   */
  covers?(operationId: string): boolean;
  /**
   * More tests on the same page, after the suite's own (a load of the docs page is about 4 s of
   * CPU): they get the page, its driver, its URL and the mock once the suite has opened them, and
   * may change the console's inputs and server, as the suite's tests are done with it.
   */
  alsoOnThisPage?(opened: () => OpenedConsole): void;
}

/** What the suite opened, for tests that run on the same page (ConsoleSuite.alsoOnThisPage). */
export interface OpenedConsole {
  page: Page;
  driver: ConsoleDriver;
  /** The page's URL, as the browser opened it. */
  url: string;
  mockUrl: string;
}

export function describeConsole(suite: ConsoleSuite): void {
  describe(`the try-it console: ${suite.name}`, () => {
    defineConsoleTests(suite);
  });
}

function defineConsoleTests(suite: ConsoleSuite): void {
  const { operations } = consoleModelOf(suite.model);
  const byId = operations
    .filter((op) => suite.covers?.(op.operationId) ?? true)
    .map((op) => [op.operationId, op] as const);
  if (byId.length === 0)
    throw new Error(`${suite.name}: the page's tests cover none of its operations`);
  const bearerCalls = byId.filter(([, op]) => op.bearer);
  const validate = createSpecValidator(suite.model);
  const masker = new SecretMasker();

  const mock = useMock({ specPath: suite.spec });
  let served: { url: string; close(): Promise<void> };
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  let page: Page;
  let driver: ConsoleDriver;
  const requested: { method: string; url: string }[] = [];
  const consoleErrors: string[] = [];
  /** Every URL the test made the console send to (the mock, and once a server that is down). */
  const sends: string[] = [];
  /**
   * Chromium itself logs each 4xx/5xx answer to a fetch, and each refused connection, as a console
   * error ("Failed to load resource: …"); the tests provoke exactly these. Any other is a fault.
   */
  const networkLogs: string[] = [];
  async function expectNetworkLog(op: ConsoleOperation) {
    // Called once the result has rendered: a status, or a problem (no answer) without one.
    const shown = driver.section(op).locator(".ks-result .ks-status");
    const status = (await shown.count()) ? await shown.getAttribute("data-status") : null;
    if (status === null) networkLogs.push("Failed to load resource: net::ERR_CONNECTION_REFUSED");
    else if (Number(status) >= 400) {
      networkLogs.push(`Failed to load resource: the server responded with a status of ${status} `);
    }
  }

  beforeAll(async () => {
    served = await suite.page(mock.url);
    browser = await openBrowser();
    page = await browser.context.newPage();
    page.on("request", (request) =>
      requested.push({ method: request.method(), url: request.url() }),
    );
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(masker.mask(message.text()));
    });
    page.on("pageerror", (error) => consoleErrors.push(masker.mask(error.message)));
    driver = new ConsoleDriver(page);
    await page.goto(served.url);
    const [first] = operations;
    if (!first) throw new Error("the spec has no operation");
    await driver.open(first);
    await driver.useServer(mock.url);
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  /** Sends what the console shows and reads the answer; remembers its secrets for masking. */
  async function send(op: ConsoleOperation, how: "enter" | "click" = "click") {
    sends.push(`${await currentBase()}${op.path}`);
    await driver.send(op, how);
    await expectNetworkLog(op);
  }
  const currentBase = () =>
    page.evaluate(() => {
      const server = document.querySelector<HTMLSelectElement>("#ks-server");
      const custom = document.querySelector<HTMLInputElement>("#ks-base-url");
      return (server?.value === "custom" ? custom?.value : server?.value)?.replace(/\/+$/, "");
    });

  /** The revealed body parsed, its token values learned by the masker first. */
  async function bodyOf(op: ConsoleOperation): Promise<unknown> {
    const text = await driver.revealedBody(op);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new Error(`the body is not JSON: ${masker.mask(text)}`);
    }
    masker.learn(body);
    return body;
  }

  /** Logs in from the page with each call that answers a token this operation needs. */
  async function loginFor(op: ConsoleOperation) {
    const needed = new Set(
      [op.bearer?.tokenType, ...op.fields.map((f) => f.tokenType)].filter(
        (t): t is string => t !== undefined,
      ),
    );
    for (const tokenType of needed) {
      const login = operations.find(
        (o) =>
          !o.bearer &&
          o.responses.some(
            (r) => r.status.startsWith("2") && r.tokens.some((t) => t.tokenType === tokenType),
          ),
      );
      if (!login) throw new Error(`no call of the spec logs in with a ${tokenType} token`);
      await driver.open(login);
      await send(login);
      const answer = await driver.answer(login);
      expect(answer.status, `${login.operationId} logs in`).toBeLessThan(300);
      await bodyOf(login);
    }
  }

  /** Runs the console's "Copy as curl" with the secrets it names in the environment. */
  async function replayWithCurl(op: ConsoleOperation): Promise<{ status: number; body: string }> {
    const command = await driver.copyAsCurl(op);
    const env: Record<string, string> = { PATH: process.env.PATH ?? "/usr/bin:/bin" };
    if (op.bearer) env[op.bearer.variable] = await driver.bearer(op).inputValue();
    for (const field of op.fields) {
      if (field.variable) env[field.variable] = await driver.input(op, field.name).inputValue();
    }
    for (const value of Object.values(env)) masker.add(value);
    const { stdout } = await run(
      "sh",
      ["-c", `${command} --silent --show-error --write-out '\\n%{http_code}'`],
      { env },
    ).catch((error: Error) => {
      throw new Error(
        masker.mask(
          `the copied curl failed (is curl installed? apt-get install curl): ${error.message}`,
        ),
      );
    });
    const at = stdout.lastIndexOf("\n");
    return { status: Number(stdout.slice(at + 1)), body: stdout.slice(0, at) };
  }

  it.each(byId)(
    "%s: Send answers the documented success in every encoding, its JWTs decoded with the time left before exp; the copied curl gets the same",
    async (_id, op) => {
      const model = suite.model.operation(op.operationId);
      const success = model.success;
      if (!success) throw new Error(`${op.operationId} documents no success`);
      await loginFor(op);
      await driver.open(op);
      for (const [i, mediaType] of op.mediaTypes.entries()) {
        await driver.chooseEncoding(op, mediaType);
        await send(op, i === 0 ? "enter" : "click");
        const answer = await driver.answer(op);
        expect(answer.status, mediaType).toBe(Number(success.status));
        expect(answer.documented).toContain(`Documented (${success.status})`);
        const body = await bodyOf(op);
        if (success.body) expect(validate(success.body.schemaPointer, body)).toEqual([]);
        for (const token of success.body?.tokens ?? []) {
          const shown = answer.tokens[token.name];
          expect(shown?.expiry, token.name).toMatch(/left before exp$/);
          const claims = schemaFacts(token.decodedSchema ?? {}).properties?.claims;
          if (claims) expect(validate(claims, shown?.claims), token.name).toEqual([]);
        }
        expect(Object.keys(answer.tokens)).toEqual((success.body?.tokens ?? []).map((t) => t.name));
        const replay = await replayWithCurl(op);
        expect(replay.status, "curl").toBe(answer.status);
      }
    },
  );

  it.each(byId)(
    "%s: an emptied required field gets the documented error text, from the console and from its curl",
    async (_id, op) => {
      const model = suite.model.operation(op.operationId);
      const required = op.fields.filter((f) => f.required);
      expect(model.missingParameters.map((m) => m.field).sort()).toEqual(
        required.map((f) => f.name).sort(),
      );
      await loginFor(op);
      await driver.open(op);
      for (const missing of model.missingParameters) {
        const input = driver.input(op, missing.field);
        const value = await input.inputValue();
        await input.fill("");
        await send(op);
        const answer = await driver.answer(op);
        expect(answer.status, missing.field).toBe(Number(missing.status));
        expect(answer.body, missing.field).toBe(missing.text);
        const replay = await replayWithCurl(op);
        expect({ status: replay.status, body: replay.body }, "curl").toEqual({
          status: answer.status,
          body: missing.text,
        });
        await input.fill(value);
      }
    },
  );

  it.each(bearerCalls)(
    "%s: the bearer credential comes from the login made in the page and succeeds; emptied, it gets the documented 401",
    async (_id, op) => {
      const model = suite.model.operation(op.operationId);
      const unauthorized = model.response(401);
      expect(unauthorized, "the spec documents the 401").toBeDefined();
      await loginFor(op);
      const login = operations.find(
        (o) =>
          !o.bearer &&
          o.responses.some((r) => r.tokens.some((t) => t.tokenType === op.bearer?.tokenType)),
      );
      const loginBody = (await bodyOf(login as ConsoleOperation)) as Record<string, string>;
      const tokenName = login?.responses
        .flatMap((r) => r.tokens)
        .find((t) => t.tokenType === op.bearer?.tokenType)?.name;
      await driver.open(op);
      const bearer = await driver.bearer(op).inputValue();
      expect(
        bearer !== "" && bearer === loginBody[tokenName ?? ""],
        "the bearer input holds the login's token",
      ).toBe(true);
      await expect(driver.bearer(op).getAttribute("type")).resolves.toBe("password");
      await send(op);
      expect((await driver.answer(op)).status).toBe(Number(model.success?.status));

      await driver.bearer(op).fill("");
      await send(op);
      const answer = await driver.answer(op);
      expect(answer.status).toBe(401);
      expect(answer.documented).toContain("Documented (401)");
      if (!unauthorized?.body) expect(answer.body).toBe("(no body)");
      expect((await replayWithCurl(op)).status, "curl").toBe(401);
      await driver.bearer(op).fill(bearer);
    },
  );

  it("works from the keyboard: Enter on Try it focuses the first input, Enter sends, Escape returns", async () => {
    const op = operations.find((o) => !o.bearer) ?? operations[0];
    if (!op) throw new Error("the spec has no operation");
    await driver.open(op);
    await page.keyboard.press("Escape");
    const launcher = driver.root.getByRole("button", { name: `Try it: ${op.summary}` });
    await expect(launcher.evaluate((b) => b === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press("Enter");
    const section = driver.section(op);
    const first = section.locator("form input:not([type=radio])").first();
    await expect(first.evaluate((i) => i === document.activeElement)).resolves.toBe(true);
    for (const field of op.fields) {
      await expect(section.getByLabel(field.name).count(), field.name).resolves.toBe(1);
    }
    sends.push(`${await currentBase()}${op.path}`);
    await section.locator(".ks-result").evaluate((r) => r.replaceChildren());
    await page.keyboard.press("Enter");
    await section.locator(".ks-result .ks-status").waitFor();
    await expectNetworkLog(op);
    expect((await driver.answer(op)).status).toBeLessThan(300);
    await page.keyboard.press("Escape");
    await expect(page.locator("#ks-panel").isVisible()).resolves.toBe(false);
  });

  it("follows the URL both ways: picking an operation in the panel takes the docs to its section", async () => {
    const [first] = operations;
    if (!first) throw new Error("the spec has no operation");
    await driver.open(first);
    for (const op of [...operations].reverse()) {
      await driver.root
        .getByLabel("Operation", { exact: true })
        .selectOption({ index: operations.indexOf(op) });
      await driver.section(op).waitFor({ state: "visible" });
      expect(new URL(page.url()).hash).toBe(`#${op.route}`);
      await page.locator(`[data-section-id="${op.route}"]`).first().waitFor({ state: "visible" });
    }
  });

  it("says in one sentence what to do when the server does not answer", async () => {
    const op = operations[0];
    if (!op) throw new Error("the spec has no operation");
    const down = await closedPort();
    await driver.open(op);
    await driver.useServer(`http://127.0.0.1:${down}`);
    await send(op);
    const sentence = await driver.problem(op);
    expect(sentence).toContain(`No answer from http://127.0.0.1:${down}`);
    expect(sentence).toContain("npm run mock");
    await driver.useServer(mock.url);
  });

  it("sent nothing but those sends beyond the page's origin, and logged no console error", () => {
    const page = new URL(served.url);
    const foreign = requested.filter(({ url }) => {
      const { protocol, origin } = new URL(url);
      if (["data:", "blob:", "file:"].includes(protocol)) return false;
      return page.protocol === "file:" || origin !== page.origin;
    });
    expect(sends.length).toBeGreaterThan(byId.length);
    expect(foreign.map((r) => `${r.method} ${r.url}`).sort()).toEqual(
      sends.map((url) => `POST ${url}`).sort(),
    );
    const unexplained = [...consoleErrors];
    for (const log of networkLogs) {
      const at = unexplained.findIndex((text) => text.startsWith(log));
      expect(at, `Chromium logged: ${log}`).toBeGreaterThanOrEqual(0);
      unexplained.splice(at, 1);
    }
    expect(unexplained).toEqual([]);
  });

  suite.alsoOnThisPage?.(() => ({ page, driver, url: served.url, mockUrl: mock.url }));
}
