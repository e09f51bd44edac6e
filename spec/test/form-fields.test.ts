// A form field's kind, and its value both ways: form text → typed value (coerceFormValue), typed
// value → wire entries (encodeFormValue). Each rule once, on schemas written here.
import { describe, expect, it } from "vitest";
import {
  coerceFormValue,
  encodeFormValue,
  type FormFieldType,
  FormValueError,
  fieldTypeFacts,
  formBody,
} from "../form-fields.ts";

const field = (name: string, schema: Record<string, unknown>, secret = false): FormFieldType => ({
  name,
  secret,
  ...fieldTypeFacts(name, schema),
});
const URLENCODED = "application/x-www-form-urlencoded";
const MULTIPART = "multipart/form-data";

describe("fieldTypeFacts", () => {
  it.each([
    [{ type: "string" }, true],
    [{ type: "string", format: "password" }, true],
    [{ type: "string", minLength: 1, maxLength: 40 }, true],
    [{ type: "string", format: "uuid" }, false],
    [{ type: "string", pattern: "^[0-9]{6}$" }, false],
    [{ type: "string", enum: ["summary", "full"] }, false],
    [{ type: "string", format: "binary" }, false],
    [{ type: "integer" }, false],
    [{ type: "array", items: { type: "string" } }, false],
  ])("calls %j free text: %s (any text is a valid value there)", (schema, freeText) => {
    expect(fieldTypeFacts("f", schema).freeText).toBe(freeText);
  });

  it("reads each kind a form carries, with enum, format and default", () => {
    expect(fieldTypeFacts("s", { type: "string", format: "email" })).toMatchObject({
      kind: "string",
      format: "email",
    });
    expect(fieldTypeFacts("i", { type: "integer", default: 15 })).toMatchObject({
      kind: "integer",
      default: 15,
    });
    expect(fieldTypeFacts("n", { type: ["number", "null"] }).kind).toBe("number");
    expect(fieldTypeFacts("b", { type: "boolean" }).kind).toBe("boolean");
    expect(fieldTypeFacts("e", { enum: ["a", "b"] })).toMatchObject({
      kind: "string",
      enum: ["a", "b"],
    });
    expect(fieldTypeFacts("c", { const: 3 })).toMatchObject({ kind: "integer", enum: [3] });
    expect(
      fieldTypeFacts("a", { type: "array", items: { type: "string", enum: ["x", "y"] } }),
    ).toMatchObject({ kind: "array", items: { kind: "string", enum: ["x", "y"] } });
    expect(fieldTypeFacts("u", {}).kind).toBe("string");
  });

  it("reads a file from format: binary or a contentMediaType, but not from a JWT string", () => {
    expect(fieldTypeFacts("f", { type: "string", format: "binary" }).kind).toBe("file");
    expect(fieldTypeFacts("f", { type: "string", contentMediaType: "image/png" }).kind).toBe(
      "file",
    );
    expect(fieldTypeFacts("t", { type: "string", contentMediaType: "application/jwt" }).kind).toBe(
      "string",
    );
    expect(
      fieldTypeFacts("t", { allOf: [{ type: "string", contentMediaType: "application/jwt" }] })
        .kind,
    ).toBe("string");
  });

  it("refuses what a form cannot carry, naming the field", () => {
    expect(() => fieldTypeFacts("o", { type: "object" })).toThrow(/field o: .*not object/);
    expect(() => fieldTypeFacts("u", { type: ["string", "integer"] })).toThrow(
      /field u: a form field has one type/,
    );
    expect(() =>
      fieldTypeFacts("m", { type: "array", items: { type: "array", items: {} } }),
    ).toThrow(/field m: an array field holds scalars/);
  });
});

describe("coerceFormValue", () => {
  it("types form text by the schema", () => {
    expect(coerceFormValue(field("i", { type: "integer" }), "30")).toBe(30);
    expect(coerceFormValue(field("i", { type: "integer" }), "-7")).toBe(-7);
    expect(coerceFormValue(field("n", { type: "number" }), "2.5")).toBe(2.5);
    expect(coerceFormValue(field("n", { type: "number" }), "1e3")).toBe(1000);
    expect(coerceFormValue(field("b", { type: "boolean" }), "true")).toBe(true);
    expect(coerceFormValue(field("b", { type: "boolean" }), "false")).toBe(false);
    expect(coerceFormValue(field("s", { type: "string" }), "007")).toBe("007");
    expect(coerceFormValue(field("f", { type: "string", format: "binary" }), "bytes")).toBe(
      "bytes",
    );
  });

  it("takes every repeated value of an array field, each by its items' type", () => {
    const scores = field("scores", { type: "array", items: { type: "integer" } });
    expect(coerceFormValue(scores, ["1", "2"])).toEqual([1, 2]);
    expect(coerceFormValue(scores, "3")).toEqual([3]);
    expect(coerceFormValue(scores, [])).toEqual([]);
  });

  it("refuses text of another type with an error naming the field", () => {
    const minutes = field("session_minutes", { type: "integer" });
    expect(() => coerceFormValue(minutes, "thirty")).toThrow(
      new FormValueError("session_minutes", '"thirty" is not an integer'),
    );
    expect(() => coerceFormValue(minutes, "1.5")).toThrow(/session_minutes: "1.5" is not an/);
    expect(() => coerceFormValue(minutes, "")).toThrow(/session_minutes: "" is not an integer/);
    expect(() => coerceFormValue(minutes, "9007199254740993")).toThrow(/not an integer/);
    expect(() => coerceFormValue(field("n", { type: "number" }), "NaN")).toThrow(
      /n: "NaN" is not a number/,
    );
    expect(() => coerceFormValue(field("b", { type: "boolean" }), "yes")).toThrow(
      /b: "yes" is not a boolean/,
    );
    expect(() => coerceFormValue(minutes, ["1", "2"])).toThrow(/session_minutes: takes one value/);
    const error = (() => {
      try {
        coerceFormValue(minutes, "x");
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(FormValueError);
    expect((error as FormValueError).field).toBe("session_minutes");
  });

  it("never echoes a secret's value", () => {
    const pin = field("pin", { type: "integer" }, true);
    expect(() => coerceFormValue(pin, "s3cret")).toThrow("pin: the value is not an integer");
  });
});

describe("encodeFormValue", () => {
  it("sends scalars as their text, booleans as true/false, nothing for undefined", () => {
    expect(encodeFormValue(field("i", { type: "integer" }), 30, URLENCODED)).toEqual([["i", "30"]]);
    expect(encodeFormValue(field("n", { type: "number" }), 0.25, MULTIPART)).toEqual([
      ["n", "0.25"],
    ]);
    expect(encodeFormValue(field("b", { type: "boolean" }), false, URLENCODED)).toEqual([
      ["b", "false"],
    ]);
    expect(encodeFormValue(field("s", { type: "string" }), undefined, URLENCODED)).toEqual([]);
    expect(encodeFormValue(field("i", { type: "integer" }), "12", URLENCODED)).toEqual([
      ["i", "12"],
    ]);
  });

  it("sends an array as repeated keys", () => {
    const tags = field("tags", { type: "array", items: { type: "string" } });
    expect(encodeFormValue(tags, ["a", "b"], URLENCODED)).toEqual([
      ["tags", "a"],
      ["tags", "b"],
    ]);
    expect(String(formBody(encodeFormValue(tags, ["a", "b"], URLENCODED), URLENCODED))).toBe(
      "tags=a&tags=b",
    );
  });

  it("sends a file as a Blob, in multipart only", async () => {
    const file = field("attachment", { type: "string", format: "binary" });
    const blob = new Blob(["hello"], { type: "text/plain" });
    const entries = encodeFormValue(file, blob, MULTIPART);
    expect(entries).toEqual([["attachment", blob]]);
    const form = formBody(entries, MULTIPART) as FormData;
    expect(await (form.get("attachment") as Blob).text()).toBe("hello");
    expect(() => encodeFormValue(file, blob, URLENCODED)).toThrow(
      /attachment: a file is sent only as multipart\/form-data/,
    );
  });

  it("refuses a value of another type, naming the field", () => {
    expect(() => encodeFormValue(field("i", { type: "integer" }), 1.5, URLENCODED)).toThrow(
      /i: 1.5 is not an integer/,
    );
    expect(() => encodeFormValue(field("b", { type: "boolean" }), 1, URLENCODED)).toThrow(
      /b: 1 is not a boolean/,
    );
    expect(() =>
      encodeFormValue(field("s", { type: "string" }), new Blob(["x"]), MULTIPART),
    ).toThrow(/s: is a string, not a file/);
    expect(() => encodeFormValue(field("s", { type: "string" }), ["a", "b"], URLENCODED)).toThrow(
      /s: takes one value/,
    );
  });
});
