// Property: any well-formed Unicode in any free-text field of any operation (and in a file's
// content), in either encoding, reaches a real form parser (the platform's Request.formData()
// behind a node:http server) exactly as the caller wrote it; every other field's typed value (an
// integer, a number, a boolean, a list, an enum member) comes back as that value when the model
// reads the form again.

import { coerceFormValue, type FieldModel } from "@klearstack/spec";
import { type LocalServer, startLocalServer, toRequest } from "@klearstack/test-support/server";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKlearStackClient, type Encoding } from "../src/index.ts";
import {
  callOperation,
  example200,
  formEntriesOf,
  freeTextFields,
  operations,
} from "./support/fixtures.ts";

/** What the server received: each entry's name and text, a file as `{ file: its text }`. */
type Received = [string, string | { file: string }][];
let server: LocalServer;
let lastReceived: Received = [];
/** What the server answers: the current operation's documented 200 body. */
let answer = "";

beforeAll(async () => {
  server = await startLocalServer(async (req, res) => {
    const form = await (await toRequest(req, "http://local")).formData();
    const entries: Received = [];
    for (const [name, value] of form) {
      entries.push([name, typeof value === "string" ? value : { file: await value.text() }]);
    }
    lastReceived = entries;
    res.writeHead(200, { "Content-Type": "application/json" }).end(answer);
  });
});
afterAll(() => server.close());

// Code points from the whole Unicode range (astral planes, controls, NUL included), printable
// graphemes, and the characters each encoding has to escape.
const special = fc.constantFrom(
  "&",
  "=",
  "+",
  "%",
  "%20",
  " ",
  "\r\n",
  "\0",
  "--",
  '"',
  ";",
  "\u00a0",
);
const text = fc.string({
  minLength: 1,
  maxLength: 40,
  unit: fc.oneof(
    fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
    special,
  ),
});

/**
 * The HTML multipart/form-data encoding turns every lone CR or LF in a value into CRLF
 * (https://html.spec.whatwg.org/#multipart-form-data): that is the platform's FormData, not us.
 * A file's content is sent as it is.
 */
const asMultipartDelivers = (value: string) => value.replace(/\r\n|\r|\n/g, "\r\n");
const delivered: Record<Encoding, (value: string) => string> = {
  urlencoded: (value) => value,
  multipart: asMultipartDelivers,
};
const mediaTypes: Record<Encoding, string> = {
  urlencoded: "application/x-www-form-urlencoded",
  multipart: "multipart/form-data",
};

type Scalar = string | number | boolean;
/** Any value of a scalar kind; an enum's members only. -0 is sent as "0", the same number. */
function scalar(kind: string, members: readonly Scalar[] | undefined): fc.Arbitrary<Scalar> {
  if (members?.length) return fc.constantFrom(...members);
  if (kind === "integer") return fc.maxSafeInteger();
  if (kind === "number") {
    return fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (n === 0 ? 0 : n));
  }
  if (kind === "boolean") return fc.boolean();
  return text;
}

/**
 * Each field's values: arbitrary text in a free-text field, any value of its kind in an integer,
 * number, boolean or array field (an enum's members only), arbitrary content in a file (multipart
 * only), and the documented example in any other string (a uuid, a pattern: its values are the
 * spec's business; the client sends a string as it is).
 */
function arbitraryOf(
  field: FieldModel,
  freeText: boolean,
  encoding: Encoding,
): fc.Arbitrary<unknown> | undefined {
  switch (field.kind) {
    case "file":
      return encoding === "multipart" ? text.map((content) => new Blob([content])) : undefined;
    case "array":
      return fc.array(scalar(field.items?.kind ?? "string", field.items?.enum), { maxLength: 4 });
    case "string":
      if (freeText) return text;
      if (field.enum) return scalar("string", field.enum);
      return field.exampleValue === undefined ? undefined : fc.constant(field.exampleValue);
    default:
      return scalar(field.kind, field.enum);
  }
}

// Only operations with a free-text field: arbitrary text goes nowhere else.
const withFreeText = operations.filter((op) => freeTextFields(op).length > 0);

it("the spec has operations with a free-text field", () => {
  expect(withFreeText.length).toBeGreaterThan(0);
});

describe.each(withFreeText.map((op) => [op.operationId, op] as const))("%s", (_, op) => {
  const freeText = new Set(freeTextFields(op).map((f) => f.name));
  // The encodings the spec lists for it.
  const encodings = (Object.keys(mediaTypes) as Encoding[]).filter((encoding) =>
    op.request?.mediaTypes.includes(mediaTypes[encoding]),
  );

  it.each(encodings)(
    "%s: delivers arbitrary Unicode in every free-text field and file intact, and every typed value as itself (500 runs)",
    async (encoding) => {
      answer = JSON.stringify(example200(op));
      const client = createKlearStackClient({ baseUrl: server.url, encoding, retry: false });
      const arbitraries = Object.fromEntries(
        op.fields.flatMap((f) => {
          const arbitrary = arbitraryOf(f, freeText.has(f.name), encoding);
          return arbitrary ? [[f.name, arbitrary]] : [];
        }),
      );
      await fc.assert(
        fc.asyncProperty(fc.record(arbitraries), async (input) => {
          await callOperation(client, op, input);
          // Free text (and any text) as the encoding delivers it; a file's content unchanged.
          const files = new Map(
            await Promise.all(
              Object.entries(input)
                .filter(([, value]) => value instanceof Blob)
                .map(async ([name, value]) => [name, await (value as Blob).text()] as const),
            ),
          );
          const expected = formEntriesOf(op, input, mediaTypes[encoding]).map(([name, value]) =>
            typeof value === "string"
              ? [name, delivered[encoding](value)]
              : [name, { file: files.get(name) }],
          );
          expect(lastReceived).toEqual(expected);
          // Read back as the model reads a form, every typed field holds what was sent (its
          // text as the encoding delivers it).
          const deliveredValue = (value: unknown): unknown =>
            Array.isArray(value)
              ? value.map(deliveredValue)
              : typeof value === "string"
                ? delivered[encoding](value)
                : value;
          for (const field of op.fields.filter((f) => !freeText.has(f.name))) {
            if (field.kind === "file" || input[field.name] === undefined) continue;
            const texts = lastReceived.flatMap(([name, value]) =>
              name === field.name && typeof value === "string" ? [value] : [],
            );
            expect(coerceFormValue(field, texts), field.name).toEqual(
              deliveredValue(input[field.name]),
            );
          }
        }),
        { numRuns: 500 },
      );
    },
  );
});
