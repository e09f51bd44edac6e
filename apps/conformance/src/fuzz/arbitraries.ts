// JSON Schema → fast-check arbitraries: values a schema accepts (for positive cases) and strings a
// form field's schema refuses (for negative ones). Our own small derivation, because the registry's
// one package for this (json-schema-fast-check 0.0.6) is built on fast-check 1, whose arbitraries
// cannot run or shrink under fast-check 4, and reads neither 2020-12 nor `allOf` (README).
// Lengths are counted in code points, as JSON Schema counts them, and every generated string can
// travel in both form encodings and be typed into a shell unchanged (see `codePoint`).
import { type JsonSchema, schemaFacts } from "@klearstack/spec";
import fc, { type Arbitrary } from "fast-check";

const PRINTABLE_ASCII = 95;

/**
 * One Unicode scalar value: mostly printable ASCII (shrinking to "a"), then other controls, the
 * rest of the BMP and astral characters (two UTF-16 units, one code point). Left out: lone
 * surrogates (no UTF-8 encoding exists), NUL (no shell argument can hold it, so no curl could
 * replay the case), CR and LF (multipart encoding rewrites line breaks to CRLF, so the server
 * would receive another value than the one generated).
 */
export const codePoint: Arbitrary<string> = fc
  .oneof(
    // Cross-shrinking lets any character shrink to the first branch's: i = 0 is "a", so a shrunk
    // example reads as letters, not control characters or spaces.
    { withCrossShrink: true },
    { weight: 6, arbitrary: fc.nat(PRINTABLE_ASCII - 1).map((i) => 0x20 + ((i + 0x41) % 95)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...range(0x01, 0x1f).filter((c) => c !== 0x0a && c !== 0x0d)),
    },
    { weight: 2, arbitrary: fc.integer({ min: 0xa0, max: 0xd7ff }) },
    { weight: 1, arbitrary: fc.integer({ min: 0xe000, max: 0xfffd }) },
    { weight: 1, arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }) },
  )
  .map((cp) => String.fromCodePoint(cp));

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** JSON Schema's length of a string: code points, not UTF-16 units. */
export const codePointLength = (text: string): number => [...text].length;

const stringOfLength = (min: number, max: number): Arbitrary<string> =>
  fc.string({ unit: codePoint, minLength: min, maxLength: max, size: "medium" });

/**
 * Any length in min..max, and each boundary length on its own (a fifth of the time each): the
 * lengths where off-by-one bugs live. Shrinks towards the shortest.
 */
function boundedString(min: number, max: number | undefined): Arbitrary<string> {
  const between = stringOfLength(min, max ?? min + 300);
  if (max === undefined)
    return fc.oneof({ withCrossShrink: true }, between, stringOfLength(min, min));
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 3, arbitrary: between },
    { weight: 1, arbitrary: stringOfLength(min, min) },
    { weight: 1, arbitrary: stringOfLength(max, max) },
  );
}

/** Well-known `format`s; any other format is an annotation (2020-12's default) and ignored. */
const FORMATS: Record<string, () => Arbitrary<string>> = {
  email: () => fc.emailAddress(),
  uuid: () => fc.uuid(),
  uri: () => fc.webUrl(),
  url: () => fc.webUrl(),
  hostname: () => fc.domain(),
  ipv4: () => fc.ipV4(),
  ipv6: () => fc.ipV6(),
  "date-time": () => dates().map((d) => d.toISOString()),
  date: () => dates().map((d) => d.toISOString().slice(0, 10)),
};

const dates = () =>
  fc.date({
    min: new Date("1970-01-01T00:00:00Z"),
    max: new Date("2100-01-01T00:00:00Z"),
    noInvalidDate: true,
  });

function stringArbitrary(facts: JsonSchema): Arbitrary<string> {
  const min = typeof facts.minLength === "number" ? facts.minLength : 0;
  const max = typeof facts.maxLength === "number" ? facts.maxLength : undefined;
  const fits = (text: string) => {
    const length = codePointLength(text);
    return length >= min && (max === undefined || length <= max);
  };
  if (typeof facts.pattern === "string") {
    // `u`: JSON Schema patterns are ECMA-262 regular expressions over code points.
    return fc.stringMatching(new RegExp(facts.pattern, "u")).filter(fits);
  }
  const format = typeof facts.format === "string" ? FORMATS[facts.format] : undefined;
  if (format) return format().filter(fits);
  return boundedString(min, max);
}

function integerArbitrary(facts: JsonSchema): Arbitrary<number> {
  let min = typeof facts.minimum === "number" ? Math.ceil(facts.minimum) : -(2 ** 31);
  let max = typeof facts.maximum === "number" ? Math.floor(facts.maximum) : 2 ** 31 - 1;
  if (typeof facts.exclusiveMinimum === "number") min = Math.floor(facts.exclusiveMinimum) + 1;
  if (typeof facts.exclusiveMaximum === "number") max = Math.ceil(facts.exclusiveMaximum) - 1;
  const step = typeof facts.multipleOf === "number" ? facts.multipleOf : 1;
  const lowest = Math.ceil(min / step);
  const highest = Math.floor(max / step);
  if (lowest > highest) throw new Error(`no integer fits ${JSON.stringify(facts)}`);
  const k = fc.oneof(
    { withCrossShrink: true },
    { weight: 3, arbitrary: fc.integer({ min: lowest, max: highest }) },
    { weight: 1, arbitrary: fc.constantFrom(lowest, highest) },
  );
  return k.map((n) => n * step);
}

function numberArbitrary(facts: JsonSchema): Arbitrary<number> {
  const bound = (value: unknown) => (typeof value === "number" ? value : undefined);
  // Each inclusive bound on its own too (a fifth of the time each): where off-by-one bugs live.
  const edges = [bound(facts.minimum), bound(facts.maximum)].filter((n) => n !== undefined);
  const between = fc.double({
    min: bound(facts.minimum) ?? bound(facts.exclusiveMinimum) ?? -1e9,
    max: bound(facts.maximum) ?? bound(facts.exclusiveMaximum) ?? 1e9,
    minExcluded: bound(facts.exclusiveMinimum) !== undefined,
    maxExcluded: bound(facts.exclusiveMaximum) !== undefined,
    noNaN: true,
    noDefaultInfinity: true,
  });
  if (edges.length === 0 || typeof facts.multipleOf === "number") return between;
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 3, arbitrary: between },
    ...edges.map((edge) => ({ weight: 1, arbitrary: fc.constant(edge) })),
  );
}

function objectArbitrary(facts: JsonSchema, depth: number): Arbitrary<Record<string, unknown>> {
  const properties = (facts.properties ?? {}) as Record<string, JsonSchema>;
  const required = (facts.required ?? []) as string[];
  const model: Record<string, Arbitrary<unknown>> = {};
  for (const [name, property] of Object.entries(properties)) {
    model[name] = arbitraryFor(property, depth + 1);
  }
  // A required property the schema says nothing more about may hold any JSON value.
  for (const name of required) model[name] ??= fc.jsonValue({ maxDepth: 1 });
  return fc.record(model, { requiredKeys: required });
}

const TYPES: Record<string, (facts: JsonSchema, depth: number) => Arbitrary<unknown>> = {
  string: stringArbitrary,
  integer: integerArbitrary,
  number: numberArbitrary,
  boolean: () => fc.boolean(),
  null: () => fc.constant(null),
  object: objectArbitrary,
  array: arrayArbitrary,
};

/** Any number of items in minItems..maxItems, and each boundary count on its own. */
function arrayArbitrary(facts: JsonSchema, depth: number): Arbitrary<unknown[]> {
  const items = arbitraryFor((facts.items ?? {}) as JsonSchema, depth + 1);
  const min = typeof facts.minItems === "number" ? facts.minItems : 0;
  const max = typeof facts.maxItems === "number" ? facts.maxItems : min + 5;
  const unique = facts.uniqueItems === true;
  const list = (minLength: number, maxLength: number) =>
    unique
      ? fc.uniqueArray(items, { minLength, maxLength, selector: (v) => JSON.stringify(v) })
      : fc.array(items, { minLength, maxLength });
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 3, arbitrary: list(min, max) },
    { weight: 1, arbitrary: list(min, min) },
    { weight: 1, arbitrary: list(max, max) },
  );
}

/**
 * Values valid against `schema` (resolved: no `$ref`s; `allOf` members are merged): `const`,
 * `enum`, `anyOf`/`oneOf` (one branch each; oneOf's exclusivity is not enforced), each `type`
 * with its length, pattern, format, range and item rules.
 */
export function arbitraryFor(schema: JsonSchema, depth = 0): Arbitrary<unknown> {
  if (depth > 8) throw new Error("the schema nests more than 8 deep");
  const facts = schemaFacts(schema);
  if ("const" in facts) return fc.constant(facts.const);
  if (Array.isArray(facts.enum)) return fc.constantFrom(...(facts.enum as unknown[]));
  const branches = (facts.anyOf ?? facts.oneOf) as JsonSchema[] | undefined;
  if (branches?.length) {
    const { anyOf: _a, oneOf: _o, ...rest } = facts;
    return fc.oneof(
      ...branches.map((branch) => arbitraryFor({ ...rest, allOf: [branch] }, depth + 1)),
    );
  }
  const types = [facts.type ?? inferType(facts)].flat() as (string | undefined)[];
  const known = types.flatMap((type) => {
    const make = type === undefined ? undefined : TYPES[type];
    return make ? [make(facts, depth)] : [];
  });
  if (known.length === 0) return fc.jsonValue({ maxDepth: 2 });
  return known.length === 1 ? (known[0] as Arbitrary<unknown>) : fc.oneof(...known);
}

function inferType(facts: JsonSchema): string | undefined {
  if ("properties" in facts || "required" in facts) return "object";
  if ("items" in facts) return "array";
  if (["minLength", "maxLength", "pattern", "format"].some((k) => k in facts)) return "string";
  if (["minimum", "maximum", "multipleOf"].some((k) => k in facts)) return "number";
  return undefined;
}

/** A value as a form field carries it: strings as they are, anything else as JSON text. */
export const asFormValue = (value: unknown): string =>
  typeof value === "string" ? value : JSON.stringify(value);

/** A string a field's schema refuses, and the rule it breaks (for the report). */
export interface Violation {
  rule: string;
  value: string;
}

/**
 * Form values that break one rule of the field's schema other than "missing or empty" (which the
 * spec documents): too long, too short, off-pattern, outside its enum, not a number. Undefined
 * when the schema refuses no non-empty string.
 */
export function violationsOf(schema: JsonSchema): Arbitrary<Violation> | undefined {
  const facts = schemaFacts(schema);
  const options: Arbitrary<Violation>[] = [];
  const tag = (rule: string) => (value: string) => ({ rule, value });
  if (typeof facts.maxLength === "number") {
    const max = facts.maxLength;
    options.push(stringOfLength(max + 1, max + 4).map(tag(`longer than maxLength ${max}`)));
  }
  if (typeof facts.minLength === "number" && facts.minLength > 1) {
    const min = facts.minLength;
    options.push(stringOfLength(1, min - 1).map(tag(`shorter than minLength ${min}`)));
  }
  if (typeof facts.pattern === "string") {
    const pattern = new RegExp(facts.pattern, "u");
    options.push(
      stringOfLength(1, 20)
        .filter((text) => !pattern.test(text))
        .map(tag(`not matching pattern ${facts.pattern}`)),
    );
  }
  const allowed = "const" in facts ? [facts.const] : (facts.enum as unknown[] | undefined);
  if (allowed) {
    const texts = new Set(allowed.map(asFormValue));
    options.push(
      stringOfLength(1, 12)
        .filter((text) => !texts.has(text))
        .map(tag(allowed.length === 1 ? "not the const value" : "not one of the enum values")),
    );
  }
  if (facts.type === "integer" || facts.type === "number") {
    options.push(
      stringOfLength(1, 12)
        .filter((text) => Number.isNaN(Number(text)))
        .map(tag(`not a number (type ${facts.type})`)),
    );
    if (facts.type === "integer") {
      options.push(
        fc
          .integer({ min: -999, max: 999 })
          .map((n) => `${n}.5`)
          .map(tag("not an integer")),
      );
    }
    // Just past each bound: the off-by-one a server gets wrong.
    if (typeof facts.minimum === "number") {
      const below = facts.type === "integer" ? Math.ceil(facts.minimum) - 1 : facts.minimum - 0.5;
      options.push(fc.constant(String(below)).map(tag(`below minimum ${facts.minimum}`)));
    }
    if (typeof facts.maximum === "number") {
      const above = facts.type === "integer" ? Math.floor(facts.maximum) + 1 : facts.maximum + 0.5;
      options.push(fc.constant(String(above)).map(tag(`above maximum ${facts.maximum}`)));
    }
  }
  if (facts.type === "boolean") {
    options.push(
      stringOfLength(1, 8)
        .filter((text) => text !== "true" && text !== "false")
        .map(tag("not a boolean (true or false)")),
    );
  }
  return options.length === 0 ? undefined : fc.oneof(...options);
}
