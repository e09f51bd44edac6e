// The bad-input battery (bad-input-battery.ts), run against every operation of the spec: every case
// gets a defined status and body from the running mock, and the mock still answers a valid request
// correctly afterwards.
import { beforeAll, describe, expect, it } from "vitest";
import { battery, batteryEnv } from "./bad-input-battery.ts";
import {
  type Body,
  documentedBody,
  form,
  login,
  rows,
  send,
  successStatus,
  type Tokens,
  useMock,
  validate,
} from "./support.ts";

describe("the bad-input battery against a running mock", () => {
  const ctx = useMock();
  let tokens: Tokens;
  beforeAll(async () => {
    tokens = await login(ctx.url);
  });

  describe.each(rows())("%s", (_id, op) => {
    const cases = battery(op);
    const env = () => batteryEnv(ctx.mock.url, op, tokens);
    const allow = rows()
      .filter(([, other]) => other.path === op.path)
      .map(([, other]) => other.method.toUpperCase());

    it("has at least 25 cases", () => expect(cases.length).toBeGreaterThanOrEqual(25));

    it.each(cases)("$name → $expect", async ({ request, expect: expected, body }) => {
      const reply = await request(env());
      expect(reply.headers.get("set-cookie")).toBeNull();
      expect(reply.headers.get("sl-violations")).toBeNull();
      if (expected === "ok") {
        expect(reply.status).toBe(successStatus(op));
        const documented = op.success?.body;
        if (!documented) return expect(reply.text).toBe("");
        expect(validate(documented.schemaPointer, JSON.parse(reply.text))).toEqual([]);
        return;
      }
      if (typeof expected === "string") {
        const field = expected.slice("missing:".length);
        const answer = op.missingParameters.find((p) => p.field === field);
        expect(reply.status).toBe(Number(answer?.status));
        expect(reply.text).toBe(op.missingParameterText(field));
        return;
      }
      expect(reply.status).toBe(expected);
      if (typeof body === "string") expect(reply.text).toBe(body);
      else if (body) expect(reply.text).toMatch(body);
      expect(reply.contentType).toMatch(/^text\/plain/);
      if (expected === 405)
        expect(reply.headers.get("allow")).toBe([...allow, "OPTIONS"].join(", "));
    });

    it("still answers a valid request as documented after the battery", async () => {
      const { url, method, valid, headers } = env();
      const reply = await send(url, { method, body: form(valid), headers });
      expect(reply.status).toBe(successStatus(op));
      const documented = documentedBody(op, successStatus(op)) as Body | undefined;
      const tokenNames = (op.success?.body?.tokens ?? []).map((t) => t.name);
      const kept = (body: Body) =>
        Object.fromEntries(Object.entries(body).filter(([n]) => !tokenNames.includes(n)));
      if (documented) expect(kept(JSON.parse(reply.text))).toEqual(kept(documented));
    });
  });
});
