// Property: any well-formed Unicode in any field of any operation, in either encoding, reaches a
// real form parser (the platform's Request.formData() behind a node:http server) exactly as the
// caller wrote it.

import { type LocalServer, startLocalServer, toRequest } from "@klearstack/test-support/server";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKlearStackClient, type Encoding } from "../src/index.ts";
import { callOperation, example200, operations } from "./support/fixtures.ts";

let server: LocalServer;
let lastReceived: Record<string, FormDataEntryValue> = {};
/** What the server answers: the current operation's documented 200 body. */
let answer = "";

beforeAll(async () => {
  server = await startLocalServer(async (req, res) => {
    lastReceived = Object.fromEntries(await (await toRequest(req, "http://local")).formData());
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
const value = fc.string({
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
 */
const asMultipartDelivers = (text: string) => text.replace(/\r\n|\r|\n/g, "\r\n");
const delivered: Record<Encoding, (text: string) => string> = {
  urlencoded: (text) => text,
  multipart: asMultipartDelivers,
};

describe.each(operations.map((op) => [op.operationId, op] as const))("%s", (_, op) => {
  const fields = fc.record(Object.fromEntries(op.fields.map((field) => [field.name, value])));

  it.each(["urlencoded", "multipart"] as const)(
    "%s: delivers arbitrary Unicode in every field intact (500 runs)",
    async (encoding) => {
      answer = JSON.stringify(example200(op));
      const client = createKlearStackClient({ baseUrl: server.url, encoding, retry: false });
      await fc.assert(
        fc.asyncProperty(fields, async (input) => {
          await callOperation(client, op, input);
          const expected = Object.fromEntries(
            Object.entries(input).map(([name, text]) => [name, delivered[encoding](text)]),
          );
          expect(lastReceived).toEqual(expected);
        }),
        { numRuns: 500 },
      );
    },
  );
});
