// Answers are judged against the spec: status (ranges too), media type, the body's schema, the
// exact documented text, and each JWT decoded against its claims schema and documented lifetime.
// Only a token of the documented shape in the documented success feeds the chain.
import {
  createSpecValidator,
  decodeJwtParts,
  loadApiModel,
  SECRET_MASK,
  SecretMasker,
  signExampleJwt,
} from "@klearstack/spec";
import { describe, expect, it } from "vitest";
import { planChecks } from "../src/checks.ts";
import { judge, statusMatches } from "../src/judge.ts";

const model = await loadApiModel();
const validate = createSpecValidator(model, { rootLabel: "body" });
const tools = () => ({ validate, masker: new SecretMasker() });
// An operation whose success body carries tokens, and its documented example.
const issuer = model.operations.find((op) => (op.success?.body?.tokens.length ?? 0) > 0);
const body = issuer?.success?.body;
const example = body?.examples[0]?.value as Record<string, unknown>;
const valid = issuer ? planChecks(issuer).find((c) => c.kind === "valid-request") : undefined;
if (!issuer || !body || !example || !valid)
  throw new Error("the spec has an operation issuing tokens");
const ok = (value: unknown) => ({
  status: Number(valid.expect.status),
  mediaType: body.mediaType,
  text: JSON.stringify(value),
});
/** The example with one token re-signed with changed claims. */
const withClaims = (name: string, change: Record<string, unknown>) => {
  const claims = decodeJwtParts(String(example[name])).claims as Record<string, unknown>;
  return { ...example, [name]: signExampleJwt({ ...claims, ...change }) };
};

describe("statusMatches", () => {
  it("matches a status exactly, and a range like 5XX by its first digit", () => {
    expect(statusMatches("200", 200)).toBe(true);
    expect(statusMatches("200", 201)).toBe(false);
    expect(statusMatches("5XX", 503)).toBe(true);
    expect(statusMatches("5XX", 404)).toBe(false);
  });
});

describe("judge", () => {
  it("passes the documented example and hands every token to the chain by its type", () => {
    const verdict = judge(ok(example), valid.expect, tools());
    expect(verdict.problems).toEqual([]);
    expect(verdict.tokens.map((t) => t.tokenType)).toEqual(body.tokens.map((t) => t.tokenType));
  });

  it("names status, media type and schema problems, never the values", () => {
    const verdict = judge(
      {
        status: 201,
        mediaType: "text/html",
        text: JSON.stringify({ ...example, release_version: 7 }),
      },
      valid.expect,
      tools(),
    );
    expect(verdict.problems).toEqual(
      expect.arrayContaining([
        `status 201, expected ${valid.expect.status}`,
        `Content-Type text/html, expected ${body.mediaType}`,
      ]),
    );
    expect(verdict.problems.join("\n")).not.toContain(String(example[body.tokens[0]!.name]));
    // A token from an answer that is not the documented success never feeds the chain.
    expect(verdict.tokens).toEqual([]);
  });

  it("reports a body that is not JSON", () => {
    expect(judge({ ...ok({}), text: "<html>" }, valid.expect, tools()).problems).toContain(
      "body is not JSON",
    );
  });

  it.each(body.tokens.map((t) => [t.name, t] as const))(
    "reports %s living longer than documented, yet lets it feed the chain",
    (name, token) => {
      const iat = 1_700_000_000;
      const maximum = token.lifetime?.maximum ?? token.lifetime?.default ?? 0;
      const verdict = judge(
        ok(withClaims(name, { iat, exp: iat + maximum + 1 })),
        valid.expect,
        tools(),
      );
      expect(verdict.problems).toEqual([
        `/${name} lives ${maximum + 1} s (exp - iat), documented ${token.lifetime?.minimum}..${maximum} s`,
      ]);
      expect(verdict.tokens.map((t) => t.tokenType)).toContain(token.tokenType);
    },
  );

  it.each(body.tokens.map((t) => [t.name, t] as const))(
    "reports %s whose decoded claims break their schema, and keeps it from the chain",
    (name, token) => {
      // The other documented type: only the `const` of this token's claims is broken.
      const other = body.tokens.find((t) => t.tokenType !== token.tokenType)?.tokenType;
      const verdict = judge(ok(withClaims(name, { token_type: other })), valid.expect, tools());
      expect(verdict.problems).toEqual([
        `/${name} (decoded)/claims/token_type must be equal to constant`,
      ]);
      expect(verdict.tokens.map((t) => t.tokenType)).not.toContain(token.tokenType);
    },
  );

  it("reports a token that does not decode, by the part that fails", () => {
    const [token] = body.tokens;
    const header = Buffer.from('{"alg":"HS256"}').toString("base64url");
    const broken = { ...example, [token!.name]: `${header}.%%%.signature` };
    const { problems } = judge(ok(broken), valid.expect, tools());
    expect(problems).toContainEqual(
      expect.stringMatching(
        new RegExp(`^/${token!.name} does not decode as a JWT: the JWT's claims is not base64url`),
      ),
    );
  });

  it("quotes an unexpected error body masked, so tokens in it never show", () => {
    const op = model.operations.find((o) => o.missingParameters.length > 0)!;
    const missing = planChecks(op).find((c) => c.kind === "missing-field")!;
    const masker = new SecretMasker();
    masker.learn(example);
    const verdict = judge(
      { status: 200, mediaType: "application/json", text: JSON.stringify(example) },
      missing.expect,
      { validate, masker },
    );
    const text = verdict.problems.join("\n");
    expect(text).toContain(SECRET_MASK);
    for (const token of body.tokens) expect(text).not.toContain(String(example[token.name]));
    expect(text).toContain(`expected ${JSON.stringify(missing.expect.text)}`);
  });
});
