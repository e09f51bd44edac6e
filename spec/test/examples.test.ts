// The spec's examples are facts: each validates against its schema, every example JWT is a real
// signed token with the documented claims and lifetime, and the examples chain as an integrator
// uses the calls (log in, then refresh with the tokens the login returned).
import { describe, expect, it } from "vitest";
import {
  coerceFormValue,
  createSpecValidator,
  decodeJwtParts,
  encodeFormValue,
  type FormValue,
  loadApiModel,
  type OperationModel,
  SecretMasker,
  verifyExampleJwt,
} from "../index.ts";
import { exampleTokens } from "../scripts/sign-example-tokens.ts";

const model = await loadApiModel();
const validate = createSpecValidator(model);
const operations = [...model];
const urlencoded = "application/x-www-form-urlencoded";
const multipart = "multipart/form-data";

/**
 * The typed example input of `op` as a server reads it from a `mediaType` body: put on the wire
 * by the model's encoding (a file only in multipart), then typed back by its coercion.
 */
function asReceived(op: OperationModel, mediaType: string): Record<string, unknown> {
  const received: Record<string, unknown> = {};
  for (const field of op.fields) {
    if (field.kind === "file" && mediaType !== multipart) continue;
    const value = op.exampleInput[field.name] as FormValue | undefined;
    const texts = encodeFormValue(field, value, mediaType).map(([, text]) => String(text));
    if (texts.length === 0) continue;
    received[field.name] = coerceFormValue(field, field.kind === "array" ? texts : texts[0]!);
  }
  return received;
}

const bodies = operations.flatMap((op) =>
  op.responses.flatMap((response) =>
    response.contents.map((content) => ({ op, response, content })),
  ),
);
const examples = bodies.flatMap(({ op, response, content }) =>
  content.examples.map(
    (example) =>
      [
        `${op.operationId} ${response.status} ${content.mediaType} ${example.name}`,
        content,
        example,
      ] as const,
  ),
);
const tokenExamples = bodies.flatMap(({ op, response, content }) =>
  content.examples.flatMap((example) =>
    content.tokens.map(
      (token) =>
        [
          `${op.operationId} ${response.status} ${token.name}`,
          token,
          (example.value as Record<string, string>)[token.name] as string,
        ] as const,
    ),
  ),
);

describe("spec examples validate against their schemas (JSON Schema 2020-12)", () => {
  it("documents an example for every response body and every request field", () => {
    for (const { op, response, content } of bodies) {
      expect(content.examples.length, `${op.operationId} ${response.status}`).toBeGreaterThan(0);
    }
    // Every field but a file documents a typed example (`exampleValue`, what `exampleInput`
    // holds); one a form sends as one string also has it as that string (`example`). A file
    // documents none: its content is the caller's, and the samples and console attach one.
    for (const op of operations) {
      for (const field of op.fields) {
        const where = `${op.operationId} ${field.name}`;
        if (field.kind === "file") continue;
        expect(field.exampleValue, where).toBeDefined();
        expect(op.exampleInput[field.name], where).toEqual(field.exampleValue);
        const entries = encodeFormValue(field, field.exampleValue as FormValue, urlencoded);
        if (field.kind === "array") {
          expect(field.example, where).toBeUndefined();
          expect(entries.length, where).toBe((field.exampleValue as unknown[]).length);
        } else {
          expect([[field.name, field.example]], where).toEqual(entries);
        }
      }
    }
  });

  it.each(examples)("%s is valid", (_name, content, example) => {
    expect(validate(content.schemaPointer, example.value)).toEqual([]);
  });

  it.each(operations.map((op) => [op.operationId, op] as const))(
    "a %s request assembled from the field examples is valid in every encoding",
    (_id, op) => {
      for (const mediaType of op.request?.mediaTypes ?? []) {
        expect(
          validate(op.request!.schemaPointer(mediaType), asReceived(op, mediaType)),
          mediaType,
        ).toEqual([]);
      }
    },
  );

  it("the validator really rejects what the schemas forbid", () => {
    const login = model.operation("getAccessTokenFromUserId");
    const body = login.success!.body!;
    const ok = body.examples[0]!.value as Record<string, string>;
    expect(validate(body.schemaPointer, { ...ok, access_token: "not-a-jwt" })).not.toEqual([]);
    expect(validate(body.schemaPointer, { access_token: ok.access_token })).not.toEqual([]);
    const request = login.request!.schemaPointer(login.request!.mediaTypes[0]!);
    expect(validate(request, { ...login.exampleFields, user_id: "" })).not.toEqual([]);
  });
});

describe("example tokens are real HS256 JWTs with the documented claims", () => {
  it("there are example tokens in every token-bearing answer", () => {
    expect(tokenExamples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(tokenExamples)("%s decodes to its contentSchema", (_name, token, value) => {
    expect(token.decodedSchema).toBeDefined();
    expect(validate(token.decodedSchema!, decodeJwtParts(value))).toEqual([]);
  });

  it.each(tokenExamples)("%s is signed with the example key", (_name, _token, value) => {
    const verdict = verifyExampleJwt(value, { now: 0 });
    expect(verdict.ok).toBe(true);
  });

  it.each(tokenExamples)(
    "%s lives exactly its documented default lifetime",
    (_name, token, value) => {
      const { claims } = decodeJwtParts(value) as { claims: { exp: number; iat: number } };
      expect(claims.exp - claims.iat).toBe(token.lifetime?.default);
    },
  );

  it("the spec carries exactly the tokens spec/scripts/sign-example-tokens.ts signs", () => {
    const all = new Set(tokenExamples.map(([, , value]) => value));
    expect([...all].sort()).toEqual(
      [
        exampleTokens.loginAccessToken,
        exampleTokens.loginRefreshToken,
        exampleTokens.refreshedAccessToken,
      ].sort(),
    );
  });
});

describe("the examples chain: log in, then refresh with what the login returned", () => {
  const logins = operations.filter((op) =>
    op.success?.body?.tokens.some((t) => t.tokenType === "refresh"),
  );
  const refresh = operations.find((op) => op.bearer);

  it("there are logins and a bearer-protected refresh call", () => {
    expect(logins.map((op) => op.operationId).sort()).toEqual([
      "getAccessToken",
      "getAccessTokenFromUserId",
    ]);
    expect(refresh?.operationId).toBe("getAccessTokenFromRefreshToken");
  });

  it("the refresh example's bearer token and refresh_token are the login examples' tokens", () => {
    for (const login of logins) {
      const pair = login.success!.body!.examples[0]!.value as Record<string, string>;
      expect(refresh!.bearer!.example === pair.access_token).toBe(true);
      const { claims } = decodeJwtParts(refresh!.bearer!.example!) as {
        claims: { token_type: string };
      };
      expect(claims.token_type).toBe(refresh!.bearer!.tokenType);
      expect(refresh!.exampleFields.refresh_token === pair.refresh_token).toBe(true);
    }
  });

  it("the refreshed token belongs to the same user and is issued after the login", () => {
    const pair = logins[0]!.success!.body!.examples[0]!.value as Record<string, string>;
    const refreshed = refresh!.success!.body!.examples[0]!.value as Record<string, string>;
    const claims = (token: string) => decodeJwtParts(token).claims as Record<string, number>;
    const login = claims(pair.access_token!);
    const renewed = claims(refreshed.access_token!);
    expect(renewed.user_id).toBe(login.user_id);
    expect(renewed.iat).toBeGreaterThan(login.iat!);
    expect(renewed.iat).toBeLessThan(login.exp!); // refreshed before the access token expired
    expect(renewed.jti).not.toBe(login.jti);
  });
});

describe("documented errors", () => {
  it.each(operations.map((op) => [op.operationId, op] as const))(
    "%s documents one plain-text 500 per required field, naming it",
    (_id, op) => {
      const required = op.fields.filter((f) => f.required).map((f) => f.name);
      expect(op.missingParameters.map((m) => m.field).sort()).toEqual([...required].sort());
      for (const missing of op.missingParameters) {
        expect(missing.status).toBe("500");
        expect(missing.mediaType).toBe("text/plain");
        expect(missing.text.toLowerCase()).toContain(missing.field.replace("_", " "));
        expect(missing.text).not.toMatch(/[“”‘’]/); // the seed's typographic quotes, fixed
      }
    },
  );

  it("the bearer-protected call documents a bodyless 401", () => {
    for (const op of operations.filter((o) => o.bearer)) {
      const unauthorized = op.response(401);
      expect(unauthorized?.description).toMatch(/missing|expired/);
      expect(unauthorized?.contents).toEqual([]);
    }
  });
});

describe("defects of the vendor's pages stay fixed", () => {
  it("the logins take no credentials; the refresh call and any other that authenticates use a JWT bearer scheme; never a header parameter", () => {
    expect(model.operation("getAccessTokenFromRefreshToken").bearer).toBeDefined();
    for (const op of operations) {
      // A login: it hands out tokens and takes none (no bearer, no token field).
      const login = !!op.success?.body?.tokens.length && !op.fields.some((f) => f.tokenType);
      if (login || !op.bearer) expect(op.security, op.operationId).toEqual([]);
      else
        expect(op.bearer, op.operationId).toMatchObject({
          type: "http",
          scheme: "bearer",
          bearerFormat: "JWT",
        });
    }
    expect(JSON.stringify(model.document)).not.toMatch(/"in":\s*"header"/);
  });

  it("the password is a write-only secret and tokens sent back are secrets too", () => {
    const fields = model.operation("getAccessToken").fields;
    expect(fields.find((f) => f.name === "password")).toMatchObject({ secret: true });
    expect(fields.find((f) => f.name === "username")).toMatchObject({ secret: false });
    const grant = model.operation("getAccessTokenFromRefreshToken").fields;
    expect(grant.find((f) => f.name === "refresh_token")).toMatchObject({ secret: true });
  });

  it("every server is plain http only for loopback, and the spec says why TLS stays verified", () => {
    for (const server of model.servers) {
      if (server.url.startsWith("http://")) expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
    }
    expect(String((model.resolved.info as Record<string, unknown>).description)).toMatch(
      /Never do\s+that/,
    );
  });

  it("the masker hides every documented secret example", () => {
    const masker = new SecretMasker(
      operations.flatMap((op) => op.fields.filter((f) => f.secret).map((f) => f.example)),
    );
    const text = JSON.stringify(operations.map((op) => [op.exampleFields, op.bearer?.example]));
    const masked = masker.mask(text);
    expect(masked).not.toContain("example-password-only");
    expect(masked).not.toMatch(/eyJ/);
    expect(masked).toContain("Acme Corporation");
  });
});
