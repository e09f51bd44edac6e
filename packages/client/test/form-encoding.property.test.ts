// Property: any well-formed Unicode in either field, in either encoding, reaches a real form parser
// (the platform's Request.formData() behind a node:http server) exactly as the caller wrote it.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKlearStackClient, type Encoding, type TokenRequest } from "../src/index.ts";
import { exampleTokenPair } from "./support/fixtures.ts";
import { type LocalServer, startLocalServer, toRequest } from "./support/local-server.ts";

let server: LocalServer;
let lastReceived: Record<string, FormDataEntryValue> = {};

beforeAll(async () => {
  server = await startLocalServer(async (req, res) => {
    lastReceived = Object.fromEntries(await (await toRequest(req, "http://local")).formData());
    res
      .writeHead(200, { "Content-Type": "application/json" })
      .end(JSON.stringify(exampleTokenPair));
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

describe.each(["urlencoded", "multipart"] as const)("%s", (encoding) => {
  it("delivers arbitrary Unicode in both fields intact (1,000 runs)", async () => {
    const client = createKlearStackClient({ baseUrl: server.url, encoding, retry: false });
    await fc.assert(
      fc.asyncProperty(value, value, async (user_id, company_name) => {
        const input: TokenRequest = { user_id, company_name };
        await client.getAccessTokenFromUserId(input);
        expect(lastReceived).toEqual({
          user_id: delivered[encoding](user_id),
          company_name: delivered[encoding](company_name),
        });
      }),
      { numRuns: 1_000 },
    );
  });
});
