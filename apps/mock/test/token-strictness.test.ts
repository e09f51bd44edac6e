// The mock checks the tokens that come back to it as strictly as a real server checks its own
// (RFC 7515, RFC 7519, RFC 8725): only the algorithm of its key (HS256), whatever the header
// claims; not before `nbf`; no critical header it does not understand; typed `JWT`. And it reads
// the bearer scheme name case-insensitively (RFC 7235 §2.1). Every case runs for every credential
// the spec defines (bearer schemes and token fields), and the mock keeps serving after each.
import { decodeJwtParts, signExampleJwt } from "@klearstack/spec";
import { beforeAll, describe, expect, it } from "vitest";
import { checkBearer, credentialRules } from "../src/credentials.ts";
import {
  type Body,
  call,
  claimsOf,
  type Fields,
  form,
  login,
  rows,
  successStatus,
  type Tokens,
  useMock,
  validRequest,
} from "./support.ts";

/** `token` signed again with the example key (a valid HS256 HMAC), header edited, claims added. */
function resigned(token: string, edit: (header: Body) => Body, claims: Body = {}): string {
  const header = decodeJwtParts(token).header as Body;
  return signExampleJwt({ ...claimsOf(token), ...claims }, edit(header));
}

const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

/** Tokens with a valid example-key signature that a strict server refuses, and why. */
const refused: [string, (token: string) => string, string][] = [
  ...["none", "RS256", "HS512"].map((alg): [string, (token: string) => string, string] => [
    `whose header says alg ${alg}`,
    (token) => resigned(token, (header) => ({ ...header, alg })),
    "names an algorithm other than HS256",
  ]),
  [
    "that is not valid before an hour from now (nbf)",
    (token) => resigned(token, (header) => header, { nbf: inAnHour() }),
    "is not valid yet (nbf)",
  ],
  [
    "with a critical header parameter the mock does not understand (crit)",
    (token) =>
      resigned(token, (header) => ({
        ...header,
        crit: ["x-klearstack-unknown"],
        "x-klearstack-unknown": true,
      })),
    "has a critical (crit) header parameter the mock does not understand",
  ],
  [
    "whose typ is not JWT",
    (token) => resigned(token, (header) => ({ ...header, typ: "JOSE+JSON" })),
    "is not typed JWT (typ)",
  ],
];

const server = useMock();
let tokens: Tokens;
beforeAll(async () => {
  tokens = await login(server.url);
});

/** Where a request carries a credential: "authorization" or a token field's name. */
type Place = string;

/** The documented valid request with the credential at `place` passed through `edit`. */
function requestWith(
  op: Parameters<typeof validRequest>[0],
  place: Place,
  edit: (t: string) => string,
) {
  const { fields, headers } = validRequest(op, tokens);
  const target: Fields = place === "authorization" ? headers : fields;
  const value = String(target[place]);
  target[place] =
    place === "authorization" ? `Bearer ${edit(value.slice("Bearer ".length))}` : edit(value);
  return { body: form(fields), headers };
}

const credentialed = rows().filter(([, op]) => {
  const rules = credentialRules(op);
  return rules.bearer !== undefined || rules.tokenFields.length > 0;
});

it("the spec has a credential to check", () => {
  expect(credentialed.length).toBeGreaterThan(0);
});

describe.each(credentialed)("%s", (_id, op) => {
  const rules = credentialRules(op);
  const places: Place[] = [
    ...(rules.bearer ? ["authorization"] : []),
    ...rules.tokenFields.map((f) => f.name),
  ];
  const good = async () =>
    (
      await call(
        server.url,
        op,
        requestWith(op, places[0] ?? "", (t) => t),
      )
    ).status;

  it.each(refused)("refuses a token %s, and keeps serving", async (_case, spoil) => {
    for (const place of places) {
      const reply = await call(server.url, op, requestWith(op, place, spoil));
      expect(reply.status, place).toBe(401);
      expect(await good(), `a valid request after a bad ${place}`).toBe(successStatus(op));
    }
  });

  it("accepts its own tokens re-signed unchanged: each case above fails for what it names", async () => {
    for (const place of places) {
      const reply = await call(
        server.url,
        op,
        requestWith(op, place, (t) => resigned(t, (h) => h)),
      );
      expect(reply.status, place).toBe(successStatus(op));
    }
  });

  it.runIf(rules.bearer)("reads the bearer scheme name case-insensitively (RFC 7235)", async () => {
    for (const scheme of ["bearer", "BEARER", "bEaReR"]) {
      const request = requestWith(op, "authorization", (t) => t);
      request.headers.authorization = String(request.headers.authorization).replace(
        /^Bearer/,
        scheme,
      );
      const reply = await call(server.url, op, request);
      expect(reply.status, scheme).toBe(successStatus(op));
    }
  });
});

describe("the reason a token is refused", () => {
  const now = Math.floor(Date.now() / 1000);
  const token = signExampleJwt({ token_type: "access", iat: now, exp: now + 60, user_id: 1 });

  it.each(refused)("names the cause for a token %s, never the token", async (_case, spoil, why) => {
    const bad = spoil(token);
    const verdict = await checkBearer({ tokenType: "access" }, `Bearer ${bad}`);
    expect(verdict).toEqual({ ok: false, reason: `the bearer token ${why}` });
    for (const part of bad.split(".")) expect(JSON.stringify(verdict)).not.toContain(part);
  });
});
