// The mock answers every operation of the spec as the real API documents it, each rule checked
// against a running mock for each operation the model lists (operation-suite.ts states them).
import { describe, expect, it } from "vitest";
import { credentialRules } from "../src/credentials.ts";
import { startMock } from "../src/index.ts";
import { describeOperation, tokenProblems } from "./operation-suite.ts";
import {
  type Body,
  call,
  claimsOf,
  encoder,
  login,
  rows,
  successStatus,
  useMock,
  validate,
  validRequest,
} from "./support.ts";

const withTokens = rows().filter(([, op]) => (op.success?.body?.tokens.length ?? 0) > 0);
const withMissingAnswers = rows().filter(([, op]) => op.missingParameters.length > 0);
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe("a running mock, for every operation of the spec", () => {
  const ctx = useMock();
  it("serves more than one operation (the suite below runs for each)", () => {
    expect(rows().length).toBeGreaterThan(1);
  });
  describe.each(rows())("%s", (_id, op) => describeOperation(ctx, op));
});

describe("Prefer chooses among the documented answers", () => {
  const ctx = useMock();

  it.each(withMissingAnswers)(
    "%s: Prefer: code=, example= serves that example",
    async (_id, op) => {
      const tokens = await login(ctx.url);
      const { fields, headers } = validRequest(op, tokens);
      const mediaType = op.request?.mediaTypes[0] ?? "";
      for (const { field, status, text } of op.missingParameters) {
        const key = op
          .response(status)
          ?.contents.flatMap((c) => c.examples)
          .find((e) => e.missingParameter === field)?.name;
        const reply = await call(ctx.url, op, {
          body: encoder(mediaType)(fields),
          headers: { ...headers, prefer: `code=${status}, example=${key}` },
        });
        expect(reply.status).toBe(Number(status));
        expect(reply.text).toBe(text);
      }
    },
  );
});

describe("a mock started with dynamic: true (the --dynamic flag)", () => {
  const ctx = useMock({ dynamic: true });

  it.each(withTokens)("%s: generates new tokens on every call", async (_id, op) => {
    const tokens = await login(ctx.url);
    const { fields, headers } = validRequest(op, tokens);
    const mediaType = op.request?.mediaTypes[0] ?? "";
    const answer = async () => {
      const reply = await call(ctx.url, op, { body: encoder(mediaType)(fields), headers });
      expect(reply.status).toBe(successStatus(op));
      expect(reply.headers.get("sl-violations")).toBeNull();
      const body = JSON.parse(reply.text) as Body;
      expect(validate(op.success?.body?.schemaPointer ?? "", body)).toEqual([]);
      return body;
    };
    const [a, b] = [await answer(), await answer()];
    for (const { name } of op.success?.body?.tokens ?? []) {
      expect(a[name] === b[name], `${name} repeated across calls`).toBe(false);
    }
  });

  it.each(withMissingAnswers)(
    "%s: a missing field still gets its documented text",
    async (_id, op) => {
      const tokens = await login(ctx.url);
      const { headers } = validRequest(op, tokens);
      const reply = await call(ctx.url, op, {
        body: encoder("application/x-www-form-urlencoded")({}),
        headers,
      });
      const first = op.fields.find((f) => f.required)?.name ?? "";
      expect(reply.text).toBe(op.missingParameterText(first));
    },
  );
});

describe("token lifetimes: accessTtl and refreshTtl (--access-ttl, --refresh-ttl)", () => {
  // By token type, the `token_type` const of each token's contentSchema.
  const asked: Record<string, number> = { access: 7, refresh: 11 };
  const ctx = useMock({ accessTtl: asked.access, refreshTtl: asked.refresh });

  it.each(withTokens)("%s: every token lives as long as asked for its type", async (_id, op) => {
    const tokens = await login(ctx.url);
    const { fields, headers } = validRequest(op, tokens);
    const before = nowSeconds();
    const reply = await call(ctx.url, op, {
      body: encoder("application/x-www-form-urlencoded")(fields),
      headers,
    });
    const after = nowSeconds();
    const body = JSON.parse(reply.text) as Body;
    for (const field of op.success?.body?.tokens ?? []) {
      const lifetime = asked[String(field.tokenType)];
      expect(lifetime, `a lifetime flag for ${field.tokenType} tokens`).toBeDefined();
      expect(tokenProblems(body[field.name], field, { before, after }, lifetime)).toEqual([]);
    }
  });

  it.each([
    ["accessTtl", { accessTtl: 1 }],
    ["refreshTtl", { refreshTtl: 1 }],
  ])("a token shortened by %s is refused once it has really expired", async (_name, ttl) => {
    const mock = await startMock({ port: 0, logLevel: "silent", ...ttl });
    try {
      const tokens = await login(mock.url);
      const shortest = Math.min(...[...tokens.values()].map((t) => Number(claimsOf(t).exp)));
      while (Date.now() <= shortest * 1000) await new Promise((r) => setTimeout(r, 100));
      let refused = 0;
      for (const [, op] of rows()) {
        const rules = credentialRules(op);
        const types = [rules.bearer, ...rules.tokenFields].map((r) => r?.tokenType);
        const expiredType = [...tokens].find(([, t]) => Number(claimsOf(t).exp) === shortest)?.[0];
        if (!types.includes(expiredType)) continue;
        const { fields, headers } = validRequest(op, tokens);
        const reply = await call(mock.url, op, {
          body: encoder("application/x-www-form-urlencoded")(fields),
          headers,
        });
        expect(reply.status, op.operationId).toBe(401);
        refused++;
      }
      expect(refused, "operations that take the shortened token").toBeGreaterThan(0);
    } finally {
      await mock.close();
    }
  });

  it.each([0, -5, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    "startMock refuses accessTtl/refreshTtl %s with a clear error",
    async (seconds) => {
      for (const option of ["accessTtl", "refreshTtl"]) {
        await expect(startMock({ port: 0, logLevel: "silent", [option]: seconds })).rejects.toThrow(
          `${option} must be a positive whole number of seconds, got ${seconds}`,
        );
      }
    },
  );
});
