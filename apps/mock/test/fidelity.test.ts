// The mock answers as the real API documents: the fidelity rules of issue 3, each against a
// running mock.
import { describe, expect, it } from "vitest";
import {
  documented200,
  form,
  missingText,
  multipart,
  operation,
  responseErrors,
  send,
  useMock,
} from "./support.ts";

const valid = { user_id: "26", company_name: "Acme Corporation" };
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
      expect(body).not.toEqual(documented200);
      expect(responseErrors(200, "application/json", body)).toEqual([]);
      expect(reply.headers.get("sl-violations")).toBeNull();
    },
  );

  describe.each(encodings)("a missing or empty field (%s)", (_name, encode) => {
    it.each(["user_id", "company_name"])(
      "%s missing: documented 500 text/plain naming it",
      async (field) => {
        const { [field as keyof typeof valid]: _, ...rest } = valid;
        const reply = await send(ctx.url, { body: encode(rest) });
        expect(reply.status).toBe(500);
        expect(reply.contentType).toMatch(/^text\/plain/);
        expect(reply.text).toBe(missingText(field));
        expect(responseErrors(500, "text/plain", reply.text)).toEqual([]);
      },
    );

    it.each(["user_id", "company_name"])(
      "%s empty: documented 500 text/plain naming it",
      async (field) => {
        const reply = await send(ctx.url, { body: encode({ ...valid, [field]: "" }) });
        expect(reply.status).toBe(500);
        expect(reply.text).toBe(missingText(field));
      },
    );
  });

  it("never answers a missing field with Prism's 422 problem+json", async () => {
    const reply = await send(ctx.url, { body: form({ user_id: "26" }) });
    expect(reply.status).not.toBe(422);
    expect(reply.contentType).not.toMatch(/problem\+json/);
  });

  it("reports user_id first when both fields are missing (the schema's required order)", async () => {
    const reply = await send(ctx.url, { body: form({}) });
    expect(reply.text).toBe(missingText("user_id"));
  });

  it("answers Prefer: code=500 with the documented 500", async () => {
    const reply = await send(ctx.url, { body: form(valid), headers: { prefer: "code=500" } });
    expect(reply.status).toBe(500);
    expect(reply.contentType).toMatch(/^text\/plain/);
    expect([missingText("user_id"), missingText("company_name")]).toContain(reply.text);
    expect(responseErrors(500, "text/plain", reply.text)).toEqual([]);
  });

  it("answers Prefer: code=500, example=<key> with that example", async () => {
    const reply = await send(ctx.url, {
      body: form(valid),
      headers: { prefer: "code=500, example=userIdMissing" },
    });
    expect(reply.text).toBe(missingText("user_id"));
  });
});

describe("a mock started with dynamic: true (the --dynamic flag)", () => {
  const ctx = useMock({ dynamic: true });

  it("generates a different, valid token pair on each call", async () => {
    const first = JSON.parse((await send(ctx.url, { body: form(valid) })).text);
    const second = JSON.parse((await send(ctx.url, { body: form(valid) })).text);
    expect(first).not.toEqual(second);
    expect(responseErrors(200, "application/json", first)).toEqual([]);
    expect(responseErrors(200, "application/json", second)).toEqual([]);
  });

  it("still answers a missing field with the documented text, not a generated one", async () => {
    const reply = await send(ctx.url, { body: form({ user_id: "26" }) });
    expect(reply.text).toBe(missingText("company_name"));
  });
});
