// The mock answers as the real API documents: the fidelity rules of issue 3, each against a
// running mock.
import { createHmac } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { decodeJwtParts, EXAMPLE_SIGNING_SECRET } from "@klearstack/spec";
import { describe, expect, it } from "vitest";
import {
  decodedTokenErrors,
  documented200,
  form,
  missingExampleKey,
  missingText,
  multipart,
  operation,
  requiredFields,
  responseErrors,
  send,
  tokenProperties,
  useMock,
  valid,
  without,
} from "./support.ts";

const [first = "", second = ""] = requiredFields;
type Body = Record<string, unknown>;
/** A token's claims; a token that does not decode fails without its bytes in the message. */
function claimsOf(token: unknown): Body {
  try {
    return decodeJwtParts(String(token)).claims as Body;
  } catch {
    throw new Error("the token does not decode");
  }
}
const encodings = [
  ["application/x-www-form-urlencoded", form],
  ["multipart/form-data", multipart],
] as const;

describe("a running mock", () => {
  const ctx = useMock();

  it.each(encodings)(
    "answers a valid %s request with 200 and the spec's example",
    async (_name, encode) => {
      const reply = await send(ctx.url, { body: encode(valid) });
      expect(reply.status).toBe(200);
      expect(reply.contentType).toMatch(/^application\/json/);
      expect(JSON.parse(reply.text)).toEqual(documented200);
      expect(reply.headers.get("sl-violations")).toBeNull();
    },
  );

  it("serves both request encodings the spec documents", () => {
    expect(Object.keys(operation.requestBody.content).sort()).toEqual(
      encodings.map(([n]) => n).sort(),
    );
  });

  it.each(encodings)(
    "answers Prefer: dynamic=true (%s) with generated tokens that validate",
    async (_name, encode) => {
      const reply = await send(ctx.url, {
        body: encode(valid),
        headers: { prefer: "dynamic=true" },
      });
      expect(reply.status).toBe(200);
      const body = JSON.parse(reply.text);
      // Booleans, not the bodies: a failure must not print tokens.
      expect(isDeepStrictEqual(body, documented200), "served the example").toBe(false);
      expect(responseErrors(200, "application/json", body)).toEqual([]);
      expect(reply.headers.get("sl-violations")).toBeNull();
      expect(tokenProperties.length).toBeGreaterThan(0);
      for (const { name, contentSchema } of tokenProperties)
        expect(decodedTokenErrors(body[name], contentSchema), name).toEqual([]);
    },
  );

  describe.each(encodings)("a missing or empty field (%s)", (_name, encode) => {
    it.each(requiredFields)("%s missing: documented 500 text/plain naming it", async (field) => {
      const reply = await send(ctx.url, { body: encode(without(field)) });
      expect(reply.status).toBe(500);
      expect(reply.contentType).toMatch(/^text\/plain/);
      expect(reply.text).toBe(missingText(field));
      expect(responseErrors(500, "text/plain", reply.text)).toEqual([]);
    });

    it.each(requiredFields)("%s empty: documented 500 text/plain naming it", async (field) => {
      const reply = await send(ctx.url, { body: encode({ ...valid, [field]: "" }) });
      expect(reply.status).toBe(500);
      expect(reply.text).toBe(missingText(field));
    });
  });

  it("never answers a missing field with Prism's 422 problem+json", async () => {
    const reply = await send(ctx.url, { body: form(without(second)) });
    expect(reply.status).not.toBe(422);
    expect(reply.contentType).not.toMatch(/problem\+json/);
  });

  it(`reports ${first} first when both fields are missing (the schema's required order)`, async () => {
    const reply = await send(ctx.url, { body: form({}) });
    expect(reply.text).toBe(missingText(first));
  });

  it("answers Prefer: code=500 with the documented 500", async () => {
    const reply = await send(ctx.url, { body: form(valid), headers: { prefer: "code=500" } });
    expect(reply.status).toBe(500);
    expect(reply.contentType).toMatch(/^text\/plain/);
    expect(requiredFields.map(missingText)).toContain(reply.text);
    expect(responseErrors(500, "text/plain", reply.text)).toEqual([]);
  });

  it("answers Prefer: code=500, example=<key> with that example", async () => {
    const reply = await send(ctx.url, {
      body: form(valid),
      headers: { prefer: `code=500, example=${missingExampleKey(first)}` },
    });
    expect(reply.text).toBe(missingText(first));
  });
});

describe("a mock started with dynamic: true (the --dynamic flag)", () => {
  const ctx = useMock({ dynamic: true });

  const call = async (): Promise<Body> => {
    const reply = await send(ctx.url, { body: form(valid) });
    expect(reply.headers.get("sl-violations")).toBeNull();
    return JSON.parse(reply.text);
  };

  it("generates different tokens on each call, each a JWT its contentSchema describes", async () => {
    const [a, b] = [await call(), await call()];
    for (const body of [a, b]) {
      expect(responseErrors(200, "application/json", body)).toEqual([]);
      for (const { name, contentSchema } of tokenProperties)
        expect(decodedTokenErrors(body[name], contentSchema), name).toEqual([]);
    }
    for (const { name } of tokenProperties)
      expect(a[name] === b[name], `${name} repeated across calls`).toBe(false);
  });

  it("issues each token now, living as long as the spec's example token for it", async () => {
    const before = Math.floor(Date.now() / 1000);
    const body = await call();
    const after = Math.ceil(Date.now() / 1000);
    for (const { name } of tokenProperties) {
      const claims = claimsOf(body[name]);
      const example = claimsOf((documented200 as Body)[name]);
      expect(claims.iat).toBeGreaterThanOrEqual(before);
      expect(claims.iat).toBeLessThanOrEqual(after);
      expect(Number(claims.exp) - Number(claims.iat), name).toBe(
        Number(example.exp) - Number(example.iat),
      );
    }
  });

  it("echoes into the claims the request fields they name, and signs with the example key", async () => {
    const body = await call();
    for (const { name } of tokenProperties) {
      const claims = claimsOf(body[name]);
      const echoed = requiredFields.filter((field) => field in claims);
      expect(echoed.length, `${name} carries no request field`).toBeGreaterThan(0);
      for (const field of echoed) expect(String(claims[field])).toBe(valid[field]);
      const [header, payload, signature] = String(body[name]).split(".");
      const expected = createHmac("sha256", EXAMPLE_SIGNING_SECRET)
        .update(`${header}.${payload}`)
        .digest("base64url");
      expect(signature === expected, `${name} is not signed with the example key`).toBe(true);
    }
  });

  it("still answers a missing field with the documented text, not a generated one", async () => {
    const reply = await send(ctx.url, { body: form(without(second)) });
    expect(reply.text).toBe(missingText(second));
  });
});
