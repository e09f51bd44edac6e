// Try-it ↔ mock, per field kind, in a real browser: on the docs page built from the fixture spec
// (an operation the code has never seen, with a form field of every kind; console-unseen.test.ts
// opens it), the console offers each field the control of its kind — a number input bounded by
// the schema's minimum and maximum, a checkbox, a select of the enum's values (a multiple select
// for an array of them, else one value a line), a file picker — and what a reader puts in them
// reaches the real mock as the model encodes it (repeated keys, "true", the number's text, a file
// part of its media type), answered 200. The request is read where the mock receives it, through
// a recording proxy in front of it.
import {
  type ConsoleDriver,
  type ConsoleOperation,
  consoleModelOf,
} from "@klearstack/docs/console";
import {
  type ApiModel,
  encodeFormValue,
  type FieldModel,
  type FormValue,
  type OperationModel,
} from "@klearstack/spec";
import type { Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RecordingProxy, sentForm, startRecordingProxy } from "../samples/recording-proxy.ts";
import type { OpenedConsole } from "./console-suite.ts";

const MULTIPART = "multipart/form-data";
/** What a file field's picker is given: text beyond ASCII and a control byte, sent as they are. */
const fileBytes = Buffer.from("note from the console\u00e9\u0001", "utf8");

/** The value a reader enters for a field: its typed example, else one its schema allows. */
function valueFor(field: FieldModel): FormValue {
  if (field.kind === "file") {
    const type = field.schema.contentMediaType;
    return new Blob([fileBytes], { type: typeof type === "string" ? type : "" });
  }
  if (field.exampleValue !== undefined) return field.exampleValue as FormValue;
  if (field.kind === "integer" || field.kind === "number") return Number(field.schema.maximum ?? 1);
  if (field.kind === "boolean") return true;
  if (field.kind === "array") return [field.items?.enum?.[0] ?? "a"].map(String);
  return String(field.enum?.[0] ?? "a");
}

/** The tests of `op`'s controls (an operation with a field of every kind), on the opened page. */
export function describeFieldKinds(
  model: ApiModel,
  op: OperationModel,
  opened: () => OpenedConsole,
): void {
  const { operations } = consoleModelOf(model);
  const shown = operations.find((o) => o.operationId === op.operationId) as ConsoleOperation;
  /** The fields a reader fills (a secret is the chain's, not a control of a kind). */
  const fields = op.fields.filter((f) => !f.secret);
  describe("the try-it console's control per field kind, sent to the mock", () => {
    let proxy: RecordingProxy;
    let driver: ConsoleDriver;
    const pageErrors: string[] = [];

    beforeAll(async () => {
      const { page, driver: openedDriver, mockUrl } = opened();
      driver = openedDriver;
      proxy = await startRecordingProxy(mockUrl);
      page.on("pageerror", (error) => pageErrors.push(error.message));
      // The bearer credential: a login made in the page (a call that needs none and answers the
      // token type the operation's bearer takes) fills it.
      const login = operations.find(
        (o) =>
          !o.bearer &&
          o.responses.some(
            (r) =>
              r.status.startsWith("2") &&
              r.tokens.some((t) => t.tokenType === shown.bearer?.tokenType),
          ),
      );
      if (!login) throw new Error("no call of the fixture spec logs in with the bearer's token");
      await driver.open(login);
      await driver.useServer(proxy.url);
      await driver.send(login);
      expect((await driver.answer(login)).status).toBe(200);
      await driver.open(shown);
    }, 180_000);

    afterAll(async () => {
      await proxy?.close();
    });

    const control = (field: FieldModel): Locator =>
      driver.section(shown).locator(`[name="${field.name}"]`);
    const optionValues = (select: Locator) =>
      select
        .locator("option")
        .evaluateAll((options) =>
          options.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== ""),
        );

    it("offers every kind of field the fixture has", () => {
      expect(new Set(fields.map((f) => f.kind))).toEqual(
        new Set(["string", "integer", "number", "boolean", "array", "file"]),
      );
      expect(fields.some((f) => f.enum)).toBe(true);
    });

    it.each(fields.map((f) => [`${f.name} (${f.kind})`, f] as const))(
      "%s: the control of its kind",
      async (_, field) => {
        const input = control(field);
        await expect(input.count()).resolves.toBe(1);
        const tag = await input.evaluate((e) => e.tagName.toLowerCase());
        const type = await input.getAttribute("type");
        const choices = field.kind === "array" ? field.items?.enum : field.enum;
        if (choices) {
          expect(tag).toBe("select");
          expect(await input.evaluate((e) => (e as HTMLSelectElement).multiple)).toBe(
            field.kind === "array",
          );
          expect(await optionValues(input)).toEqual(choices.map(String));
        } else if (field.kind === "integer" || field.kind === "number") {
          expect([tag, type]).toEqual(["input", "number"]);
          expect(await input.getAttribute("min")).toBe(String(field.schema.minimum));
          expect(await input.getAttribute("max")).toBe(String(field.schema.maximum));
          expect(await input.getAttribute("step")).toBe(field.kind === "integer" ? "1" : "any");
        } else if (field.kind === "boolean") {
          expect([tag, type]).toEqual(["input", "checkbox"]);
        } else if (field.kind === "file") {
          expect([tag, type]).toEqual(["input", "file"]);
        } else if (field.kind === "array") {
          expect(tag).toBe("textarea");
        } else {
          expect([tag, type]).toEqual(["input", "text"]);
        }
      },
    );

    it("sends each typed value to the mock, as the model encodes it, in multipart → 200", async () => {
      for (const field of fields) {
        const value = valueFor(field);
        const input = control(field);
        if (field.kind === "file") {
          const type = (value as Blob).type;
          await input.setInputFiles({ name: "note.txt", mimeType: type, buffer: fileBytes });
        } else if (field.kind === "boolean") {
          await input.setChecked(value === true);
        } else if (field.kind === "array") {
          const items = (value as (string | number | boolean)[]).map(String);
          if (await input.evaluate((e) => e.tagName === "SELECT")) await input.selectOption(items);
          else await input.fill(items.join("\n"));
        } else if (await input.evaluate((e) => e.tagName === "SELECT")) {
          await input.selectOption(String(value));
        } else {
          await input.fill(String(value));
        }
      }
      await driver.chooseEncoding(shown, MULTIPART);
      const before = proxy.exchanges.length;
      await driver.send(shown);
      const answer = await driver.answer(shown);
      expect(answer.status).toBe(200);
      expect(answer.documented).toMatch(/200/);

      const sent = proxy.exchanges.slice(before).filter((e) => e.method === "POST");
      expect(sent.map((e) => [e.path, e.status])).toEqual([[op.path, 200]]);
      const [exchange] = sent;
      if (!exchange) throw new Error("the mock received no request");
      const form = await sentForm(exchange);
      for (const field of fields) {
        const received = form.getAll(field.name);
        if (field.kind === "file") {
          const [file] = received;
          if (!(file instanceof Blob)) throw new Error(`${field.name} arrived as no file part`);
          expect(file.type).toBe(field.schema.contentMediaType);
          expect(Buffer.from(await file.arrayBuffer())).toEqual(fileBytes);
          continue;
        }
        const expected = encodeFormValue(field, valueFor(field), MULTIPART).map(([, v]) => v);
        expect(received, field.name).toEqual(expected);
      }
      expect(pageErrors).toEqual([]);
    });
  });
}
