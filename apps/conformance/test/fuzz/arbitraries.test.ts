// Arbitraries derived from JSON Schema generate only values the schema accepts, also while
// fast-check shrinks them; they reach both boundary lengths, carry unicode beyond the BMP, leave
// out what a form or a shell cannot carry, and shrink to readable letters. Violations break the
// schema and are never empty (emptiness is the spec's documented case, not an undocumented one).
import { createSpecValidator, type JsonSchema, loadApiModel } from "@klearstack/spec";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  arbitraryFor,
  asFormValue,
  codePoint,
  codePointLength,
  violationsOf,
} from "../../src/fuzz/arbitraries.ts";

const model = await loadApiModel();
const validate = createSpecValidator({});
const requestFieldSchemas = model.operations.flatMap((op) =>
  op.fields.map((f): [string, JsonSchema] => [`${op.operationId}.${f.name}`, f.schema]),
);

// Schemas beyond today's spec, so the derivation is proven before a field needs it.
const synthetic: [string, JsonSchema][] = [
  ["bounded string", { type: "string", minLength: 3, maxLength: 5 }],
  ["unbounded string", { type: "string", minLength: 2 }],
  ["pattern with lengths", { type: "string", pattern: "^\\d+\\.\\d+\\.\\d+$", maxLength: 12 }],
  ["integer range", { type: "integer", minimum: -3, maximum: 40 }],
  ["exclusive integer range", { type: "integer", exclusiveMinimum: 0, exclusiveMaximum: 10 }],
  ["multiple of", { type: "integer", minimum: 0, maximum: 100, multipleOf: 7 }],
  ["number", { type: "number", minimum: 0.5, maximum: 2 }],
  ["boolean", { type: "boolean" }],
  ["const", { const: "access" }],
  ["enum", { enum: ["access", "refresh", 3] }],
  ["allOf merged", { allOf: [{ type: "string" }, { minLength: 4 }], maxLength: 6 }],
  [
    "anyOf",
    {
      anyOf: [
        { type: "integer", minimum: 1 },
        { type: "string", maxLength: 2 },
      ],
    },
  ],
  [
    "object",
    {
      type: "object",
      required: ["id"],
      properties: { id: { type: "integer", minimum: 1 }, note: { type: "string", maxLength: 3 } },
    },
  ],
  ["array", { type: "array", items: { type: "boolean" }, minItems: 1, maxItems: 3 }],
];

describe("arbitraryFor", () => {
  it.each([...requestFieldSchemas, ...synthetic])(
    "%s: every generated value, and every value tried while shrinking, is valid",
    (_, schema) => {
      const tried: unknown[] = [];
      // A property that always fails makes fast-check shrink all the way down.
      const run = fc.check(
        fc.property(arbitraryFor(schema), (value) => {
          tried.push(value);
          return false;
        }),
        { numRuns: 1, seed: 1 },
      );
      expect(run.failed).toBe(true);
      for (const value of tried) expect(validate(schema, value), JSON.stringify(value)).toEqual([]);
    },
  );

  it.each([...requestFieldSchemas, ...synthetic])("%s: 300 samples are all valid", (_, schema) => {
    for (const value of fc.sample(arbitraryFor(schema), { numRuns: 300, seed: 7 })) {
      expect(validate(schema, value), JSON.stringify(value)).toEqual([]);
    }
  });

  it("keeps every value valid while shrinking towards small failures (many seeds)", () => {
    const schema = { type: "string", minLength: 1, maxLength: 64 };
    let tried = 0;
    for (let seed = 0; seed < 50; seed++) {
      fc.check(
        fc.property(arbitraryFor(schema), (value) => {
          tried += 1;
          expect(validate(schema, value)).toEqual([]);
          return codePointLength(value as string) < 1 + (seed % 5);
        }),
        { seed, numRuns: 40 },
      );
    }
    expect(tried).toBeGreaterThan(500);
  });

  it("reaches both boundary lengths, counted in code points as JSON Schema counts them", () => {
    const lengths = new Set(
      fc
        .sample(arbitraryFor({ type: "string", minLength: 1, maxLength: 64 }), {
          numRuns: 200,
          seed: 3,
        })
        .map((value) => codePointLength(value as string)),
    );
    expect(lengths).toContain(1);
    expect(lengths).toContain(64);
    expect(lengths.size).toBeGreaterThan(10);
  });

  it("reaches the bounds of numbers and item counts, and both booleans", () => {
    const sample = (schema: JsonSchema) =>
      new Set(fc.sample(arbitraryFor(schema), { numRuns: 200, seed: 3 }));
    const integers = sample({ type: "integer", minimum: 1, maximum: 60 });
    expect(integers).toContain(1);
    expect(integers).toContain(60);
    const numbers = sample({ type: "number", minimum: 0, maximum: 1 });
    expect(numbers).toContain(0);
    expect(numbers).toContain(1);
    expect(numbers.size).toBeGreaterThan(10);
    const counts = new Set(
      [
        ...sample({
          type: "array",
          items: { type: "string", enum: ["a", "b"] },
          minItems: 1,
          maxItems: 3,
        }),
      ].map((list) => (list as unknown[]).length),
    );
    expect(counts).toEqual(new Set([1, 2, 3]));
    expect(sample({ type: "boolean" })).toEqual(new Set([true, false]));
    expect(sample({ type: "string", enum: ["summary", "full"] })).toEqual(
      new Set(["summary", "full"]),
    );
  });

  it("generates unicode beyond ASCII and the BMP, never what a form or a shell cannot carry", () => {
    const text = fc.sample(codePoint, { numRuns: 2000, seed: 11 }).join("");
    expect(text).toMatch(/[^\x20-\x7e]/); // beyond printable ASCII
    expect([...text].some((c) => (c.codePointAt(0) ?? 0) > 0xffff)).toBe(true); // astral
    const codes = [...text].map((c) => c.codePointAt(0) ?? 0);
    expect(codes.some((c) => c >= 0x01 && c < 0x20)).toBe(true); // control characters
    expect(codes.filter((c) => c === 0 || c === 0x0a || c === 0x0d)).toEqual([]);
    // No lone surrogate: every UTF-16 unit belongs to a whole code point.
    expect([...text].every((c) => c.length === 2 || !/[\ud800-\udfff]/.test(c))).toBe(true);
    for (const c of fc.sample(codePoint, { numRuns: 200, seed: 12 }))
      expect([...c]).toHaveLength(1);
  });

  it("shrinks a failing string to letters, not control characters or spaces", () => {
    const arbitrary = arbitraryFor({ type: "string", minLength: 1, maxLength: 256 });
    for (const seed of [1, 2, 3, 4, 5]) {
      const shortest = fc.check(
        fc.property(arbitrary, () => false),
        { seed },
      );
      expect(shortest.counterexample).toEqual(["a"]);
      const three = fc.check(
        fc.property(arbitrary, (v) => codePointLength(v as string) < 3),
        { seed },
      );
      expect(three.counterexample).toEqual(["aaa"]);
    }
  });

  it("generates well-known formats, within the schema's lengths", () => {
    const formats: Record<string, RegExp> = {
      email: /^[^@\s]+@[^@\s]+$/,
      uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      "date-time": /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/,
      date: /^\d{4}-\d\d-\d\d$/,
      ipv4: /^\d{1,3}(\.\d{1,3}){3}$/,
      uri: /^https?:\/\//,
    };
    for (const [format, shape] of Object.entries(formats)) {
      for (const value of fc.sample(arbitraryFor({ type: "string", format, maxLength: 200 }), {
        numRuns: 50,
        seed: 5,
      })) {
        expect(value, format).toMatch(shape);
        expect(codePointLength(value as string)).toBeLessThanOrEqual(200);
      }
    }
    // A format the derivation does not know is an annotation: any string of the lengths.
    const other = fc.sample(arbitraryFor({ type: "string", format: "password", minLength: 2 }), {
      numRuns: 50,
      seed: 5,
    });
    expect(other.every((v) => codePointLength(v as string) >= 2)).toBe(true);
  });
});

const jsonOrText = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

describe("asFormValue", () => {
  it("sends strings as they are and anything else as its JSON text", () => {
    expect(asFormValue("Acme")).toBe("Acme");
    expect(asFormValue(26)).toBe("26");
    expect(asFormValue(true)).toBe("true");
  });
});

describe("violationsOf", () => {
  const refusing: [string, JsonSchema][] = [
    ...requestFieldSchemas.filter(([, schema]) => violationsOf(schema) !== undefined),
    ["short and long", { type: "string", minLength: 3, maxLength: 5 }],
    ["pattern", { type: "string", pattern: "^\\d+$" }],
    ["enum", { type: "string", enum: ["access", "refresh"] }],
    ["integer", { type: "integer" }],
    ["bounded integer", { type: "integer", minimum: 1, maximum: 60 }],
    ["bounded number", { type: "number", minimum: 0, maximum: 1 }],
    ["boolean", { type: "boolean" }],
  ];

  it("finds a rule to break in every request field of the spec that has one", () => {
    expect(refusing.length).toBeGreaterThan(4);
  });

  it.each(refusing)(
    "%s: every violation breaks the schema, names its rule, and is not empty",
    (_, schema) => {
      const violations = violationsOf(schema);
      if (!violations) throw new Error("expected a violation");
      const rules = new Set<string>();
      for (const { rule, value } of fc.sample(violations, { numRuns: 100, seed: 9 })) {
        // As the form text is typed before validating ("1.5" → 1.5), where it reads as JSON.
        const typed = schema.type === "string" ? value : jsonOrText(value);
        expect(validate(schema, typed), `${rule}: ${JSON.stringify(value)}`).not.toEqual([]);
        expect(value).not.toBe("");
        expect(rule).toMatch(
          /longer than|shorter than|pattern|enum|const|not a number|not an integer|not a boolean|below minimum|above maximum/,
        );
        rules.add(rule.split(" ")[0] ?? "");
      }
      if (schema.type === "integer" && "minimum" in schema) {
        expect(rules).toEqual(new Set(["not", "below", "above"]));
      }
    },
  );

  it("has none for a schema that refuses no non-empty string", () => {
    expect(violationsOf({ type: "string" })).toBeUndefined();
    expect(violationsOf({ type: "string", minLength: 1 })).toBeUndefined();
  });
});
