// The contract every operation of a spec must meet on a running mock, stated once and run for each
// operation of the product spec (fidelity.test.ts) and for an operation the code has never seen
// (unseen-operation.test.ts). Everything it expects comes from the operation model.
import {
  type ApiModel,
  createSpecValidator,
  decodeJwtParts,
  type OperationModel,
  schemaFacts,
  type TokenFieldModel,
  verifyExampleJwt,
} from "@klearstack/spec";
import { beforeAll, describe, expect, it } from "vitest";
import { credentialRules } from "../src/credentials.ts";
import {
  type Body,
  call,
  claimsOf,
  documentedBody,
  encoder,
  expired,
  type Fields,
  forged,
  login,
  loginOperation,
  model as productModel,
  requiredFields,
  successStatus,
  type Tokens,
  validRequest,
} from "./support.ts";

const now = () => Math.floor(Date.now() / 1000);
const without = (fields: Fields, name: string) =>
  Object.fromEntries(Object.entries(fields).filter(([n]) => n !== name));
const omit = (body: Body, names: string[]) =>
  Object.fromEntries(Object.entries(body).filter(([n]) => !names.includes(n)));

/**
 * What is wrong with a token the mock handed out (never the token itself): it must verify with the
 * example key, be of its documented type, decode to its contentSchema, be issued within
 * [before, after] and live exactly `lifetime` seconds.
 */
export function tokenProblems(
  token: unknown,
  field: TokenFieldModel,
  window: { before: number; after: number },
  lifetime = field.lifetime?.default,
  m: ApiModel = productModel,
): string[] {
  const verdict = verifyExampleJwt(String(token), { tokenType: field.tokenType });
  if (!verdict.ok) return [`${field.name}: ${verdict.reason}`];
  const { iat, exp } = verdict.claims as { iat: number; exp: number };
  const problems = createSpecValidator(m)(field.decodedSchema ?? {}, {
    header: decodeJwtParts(String(token)).header,
    claims: verdict.claims,
  }).map((p) => `${field.name}: ${p}`);
  if (iat < window.before || iat > window.after) problems.push(`${field.name}: iat is not now`);
  if (lifetime !== undefined && exp - iat !== lifetime) {
    problems.push(`${field.name}: lives ${exp - iat} s, not ${lifetime} s`);
  }
  return problems;
}

export function describeOperation(
  ctx: { url: string },
  op: OperationModel,
  m: ApiModel = productModel,
): void {
  const validate = createSpecValidator(m);
  const mediaTypes = op.request?.mediaTypes ?? [];
  const status = successStatus(op);
  const success = op.success?.body;
  const tokenFields = success?.tokens ?? [];
  const rules = credentialRules(op);
  let tokens: Tokens;
  beforeAll(async () => {
    tokens = await login(ctx.url, {}, m);
  });
  const send = (fields: Fields, headers: Fields, mediaType = mediaTypes[0] ?? "") =>
    call(ctx.url, op, { body: encoder(mediaType)(fields), headers });

  it.each(mediaTypes)(
    `answers a valid %s request with the documented ${status}${tokenFields.length > 0 ? ", its tokens fresh" : ""}`,
    async (mediaType) => {
      const { fields, headers } = validRequest(op, tokens);
      const before = now();
      const reply = await send(fields, headers, mediaType);
      const after = now();
      expect(reply.status).toBe(status);
      expect(reply.headers.get("sl-violations")).toBeNull();
      if (!success) return expect(reply.text).toBe("");
      expect(reply.contentType.startsWith(success.mediaType)).toBe(true);
      const body = JSON.parse(reply.text) as Body;
      expect(validate(success.schemaPointer, body)).toEqual([]);
      const names = tokenFields.map((t) => t.name);
      expect(omit(body, names)).toEqual(omit(documentedBody(op, status) as Body, names));
      for (const field of tokenFields) {
        expect(tokenProblems(body[field.name], field, { before, after }, undefined, m)).toEqual([]);
      }
    },
  );

  describe.each(mediaTypes)("a missing or empty field (%s)", (mediaType) => {
    const documented = (field: string) => {
      const answer = op.missingParameters.find((p) => p.field === field);
      return { status: Number(answer?.status), text: op.missingParameterText(field) };
    };
    it.each(requiredFields(op))("%s missing: its documented text", async (field) => {
      const { fields, headers } = validRequest(op, tokens);
      const reply = await send(without(fields, field), headers, mediaType);
      expect(reply.status).toBe(documented(field).status);
      expect(reply.contentType).toMatch(/^text\/plain/);
      expect(reply.text).toBe(documented(field).text);
      expect(reply.headers.get("sl-violations")).toBeNull();
    });
    it.each(requiredFields(op))("%s empty: its documented text", async (field) => {
      const { fields, headers } = validRequest(op, tokens);
      const reply = await send({ ...fields, [field]: "" }, headers, mediaType);
      expect(reply.status).toBe(documented(field).status);
      expect(reply.text).toBe(documented(field).text);
    });
  });

  /** The documented answer to a request the API does not authenticate. */
  const expectUnauthorized = async (reply: Awaited<ReturnType<typeof send>>) => {
    const unauthorized = op.response(401);
    expect(unauthorized, "the spec documents a 401").toBeDefined();
    expect(reply.status).toBe(401);
    expect(reply.contentType).not.toMatch(/problem\+json/);
    const body = documentedBody(op, 401);
    expect(reply.text).toBe(body === undefined ? "" : String(body));
  };

  const bearer = rules.bearer;
  if (op.bearer) {
    describe("the bearer token", () => {
      const bearerToken = () => tokens.get(String(bearer?.tokenType)) ?? "";
      const otherType = () => [...tokens].find(([type]) => type !== bearer?.tokenType)?.[1] ?? "";
      it.each([
        ["is missing", (): string | undefined => undefined],
        ["has expired", () => `Bearer ${expired(bearerToken())}`],
        ["is forged (another key)", () => `Bearer ${forged(bearerToken())}`],
        ["is the spec's example (expired long ago)", () => `Bearer ${op.bearer?.example ?? ""}`],
        ["is of another token type", () => `Bearer ${otherType()}`],
        ["is not a JWT", () => "Bearer not-a-jwt"],
        ["is sent with another scheme", () => `Basic ${bearerToken()}`],
      ])("%s: the documented 401", async (_case, authorization) => {
        const { fields } = validRequest(op, tokens);
        const value = authorization();
        await expectUnauthorized(await send(fields, value ? { authorization: value } : {}));
      });

      it("is checked before the fields: a missing field without a token is still a 401", async () => {
        await expectUnauthorized(await send({}, {}));
      });
    });
  }

  describe.each(rules.tokenFields.map((f): [string, typeof f] => [f.name, f]))(
    "the token field %s",
    (name, rule) => {
      const ofType = () => tokens.get(String(rule.tokenType)) ?? "";
      const otherType = () => [...tokens].find(([type]) => type !== rule.tokenType)?.[1] ?? "";
      it.each([
        ["has expired", () => expired(ofType())],
        ["is forged (another key)", () => forged(ofType())],
        ["is of another token type", otherType],
        ["is not a JWT", () => "not-a-jwt"],
      ])("%s: 401, the mock's choice (README)", async (_case, value) => {
        const { fields, headers } = validRequest(op, tokens);
        await expectUnauthorized(await send({ ...fields, [name]: value() }, headers));
      });
    },
  );

  if (tokenFields.length > 0) {
    it("copies into each token's claims the request fields they name (secrets never)", async () => {
      const { fields, headers } = validRequest(op, tokens);
      const body = JSON.parse((await send(fields, headers)).text) as Body;
      for (const field of tokenFields) {
        const claims = claimsOf(body[field.name]);
        for (const f of op.fields) {
          if (!(f.name in claims)) continue;
          expect(f.secret, `${field.name} carries the secret ${f.name}`).toBe(false);
          expect(String(claims[f.name])).toBe(fields[f.name]);
        }
      }
    });
  }

  if (tokenFields.length > 0 && (rules.bearer || rules.tokenFields.length > 0)) {
    it("keeps the claims of the tokens it was given (a refresh is for the same user)", async () => {
      // A login whose claim-bearing fields differ from the spec's examples, so a claim that
      // merely repeated the example would be caught.
      const issuer = loginOperation(m);
      const distinct = Object.fromEntries(
        Object.entries(issuer.exampleFields)
          .filter(([name]) => !issuer.fields.find((f) => f.name === name)?.secret)
          .map(([name, value]) => [name, /^\d+$/.test(value) ? `${value}1` : `${value}-1`]),
      );
      const own = await login(ctx.url, distinct, m);
      const { fields, headers } = validRequest(op, own);
      const body = JSON.parse((await send(fields, headers)).text) as Body;
      const presented = claimsOf([...own.values()][0]);
      let compared = 0;
      for (const field of tokenFields) {
        const claims = claimsOf(body[field.name]);
        for (const [claim, value] of Object.entries(presented)) {
          if (["iat", "exp", "jti", "token_type"].includes(claim) || claim in fields) continue;
          expect(claims[claim], `${field.name}.${claim}`).toEqual(value);
          compared++;
        }
      }
      expect(compared, "claims compared with the presented token").toBeGreaterThan(0);
    });
  }

  it("answers Prefer: dynamic=true with generated values that validate, only documented properties, and fresh tokens", async () => {
    const { fields, headers } = validRequest(op, tokens);
    const before = now();
    const reply = await send(fields, { ...headers, prefer: "dynamic=true" });
    const after = now();
    expect(reply.status).toBe(status);
    expect(reply.headers.get("sl-violations")).toBeNull();
    if (!success) return;
    const body = JSON.parse(reply.text) as Body;
    expect(validate(success.schemaPointer, body)).toEqual([]);
    const documented = Object.keys(schemaFacts(success.schema).properties ?? {});
    expect(Object.keys(body).filter((name) => !documented.includes(name))).toEqual([]);
    for (const field of tokenFields) {
      expect(tokenProblems(body[field.name], field, { before, after }, undefined, m)).toEqual([]);
    }
  });
}
