// The fuzz checks judge an answer by what the spec documents for the case: a failure contradicts
// it; an answer to a request the spec says nothing about is undocumented, never a failure. Each
// check is proven able to pass and to fail, on the model's own operations.
import {
  createSpecValidator,
  decodeJwtParts,
  loadApiModel,
  type OperationModel,
  SECRET_MASK,
  SecretMasker,
  signExampleJwt,
} from "@klearstack/spec";
import { describe, expect, it } from "vitest";
import type { FuzzCase } from "../../src/fuzz/cases.ts";
import { type Answer, CHECK_NAMES, type CheckName, judgeCase } from "../../src/fuzz/checks.ts";

const model = await loadApiModel();
const validate = createSpecValidator(model, { rootLabel: "body" });
const tools = () => ({ validate, masker: new SecretMasker() });
const issuer = model.operations.find((op) => !op.bearer && op.success?.body?.tokens.length);
const guarded = model.operations.find((op) => op.bearer);
if (!issuer || !guarded) throw new Error("the spec has a login and a bearer operation");
const successBody = issuer.success?.body;
const missing = issuer.missingParameters[0];
if (!successBody || !missing) throw new Error("the login documents tokens and missing parameters");

/** The documented example with every token freshly signed at its documented lifetime. */
function freshExample(change: (claims: Record<string, unknown>) => void = () => {}) {
  const value = { ...(successBody?.examples[0]?.value as Record<string, unknown>) };
  const now = Math.floor(Date.now() / 1000);
  for (const token of successBody?.tokens ?? []) {
    const claims = decodeJwtParts(String(value[token.name])).claims as Record<string, unknown>;
    const fresh = { ...claims, iat: now, exp: now + (token.lifetime?.default ?? 900) };
    change(fresh);
    value[token.name] = signExampleJwt(fresh);
  }
  return value;
}
const json = (value: unknown, status = Number(issuer.success?.status)): Answer => ({
  status,
  mediaType: successBody.mediaType,
  text: JSON.stringify(value),
});
const text = (status: number, body: string, mediaType = missing.mediaType): Answer => ({
  status,
  mediaType,
  text: body,
});
const fuzzCase = (expect: FuzzCase["expect"], auth: FuzzCase["auth"] = { kind: "none" }) =>
  ({ label: "a case", method: "POST", mediaType: undefined, fields: [], auth, expect }) as FuzzCase;
const positive = fuzzCase({ kind: "success" });
const rejection = fuzzCase({
  kind: "rejection",
  documented: [{ status: missing.status, text: missing.text }],
});
const verdicts = (op: OperationModel, c: FuzzCase, answer: Answer) =>
  Object.fromEntries(
    judgeCase(op, c, answer, tools()).results.map((r) => [r.check, r.verdict]),
  ) as Partial<Record<CheckName, string>>;

describe("judgeCase on valid inputs", () => {
  it("passes the documented success: status, type, schema, acceptance, token claims; feeds the chain", () => {
    const judged = judgeCase(issuer, positive, json(freshExample()), tools());
    expect(judged.results.map((r) => [r.check, r.verdict])).toEqual([
      ["status_code_conformance", "pass"],
      ["content_type_conformance", "pass"],
      ["response_schema_conformance", "pass"],
      ["jwt_claims_conformance", "pass"],
      ["positive_data_acceptance", "pass"],
    ]);
    expect(judged.tokens.map((t) => t.tokenType).sort()).toEqual(
      successBody.tokens.map((t) => t.tokenType).sort(),
    );
  });

  it("fails status_code_conformance and positive_data_acceptance on an undocumented refusal", () => {
    const v = verdicts(issuer, positive, text(415, "Unsupported Media Type", "text/plain"));
    expect(v).toEqual({ status_code_conformance: "fail", positive_data_acceptance: "fail" });
  });

  it("fails content_type_conformance alone when the documented body comes under another type", () => {
    const answer = { ...json(freshExample()), mediaType: "text/html" };
    const v = verdicts(issuer, positive, answer);
    expect(v.content_type_conformance).toBe("fail");
    expect(v.response_schema_conformance).toBe("pass");
    expect(v.positive_data_acceptance).toBe("pass");
  });

  it("fails response_schema_conformance when a documented field is missing", () => {
    const body = freshExample();
    const plain = Object.keys(body).find((k) => !successBody.tokens.some((t) => t.name === k));
    delete body[plain ?? ""];
    const judged = judgeCase(issuer, positive, json(body), tools());
    const schema = judged.results.find((r) => r.check === "response_schema_conformance");
    expect(schema).toMatchObject({ verdict: "fail" });
    expect(schema?.problems.join()).toContain(`required property '${plain}'`);
  });

  it("fails jwt_claims_conformance on a claim of the wrong type, and keeps such tokens from the chain", () => {
    const judged = judgeCase(
      issuer,
      positive,
      json(freshExample((claims) => Object.assign(claims, { iat: "now" }))),
      tools(),
    );
    expect(judged.results.find((r) => r.check === "jwt_claims_conformance")?.verdict).toBe("fail");
    expect(judged.tokens).toEqual([]);
  });

  it("fails jwt_claims_conformance on a lifetime beyond the documented maximum", () => {
    const longest = Math.max(...successBody.tokens.map((t) => t.lifetime?.maximum ?? 0));
    const judged = judgeCase(
      issuer,
      positive,
      json(
        freshExample((claims) => Object.assign(claims, { exp: Number(claims.iat) + longest + 1 })),
      ),
      tools(),
    );
    const jwt = judged.results.find((r) => r.check === "jwt_claims_conformance");
    expect(jwt?.verdict).toBe("fail");
    expect(jwt?.problems.join()).toMatch(/lives \d+ s \(exp - iat\), documented \d+\.\.\d+ s/);
    expect(jwt?.problems.join()).not.toContain(SECRET_MASK); // it names fields, never values
  });
});

describe("judgeCase on a missing or empty field (negative_data_rejection)", () => {
  it("passes the documented status, type and exact text (a charset parameter is fine)", () => {
    expect(verdicts(issuer, rejection, text(Number(missing.status), `${missing.text}\n`))).toEqual({
      status_code_conformance: "pass",
      content_type_conformance: "pass",
      response_schema_conformance: "pass",
      negative_data_rejection: "pass",
    });
  });

  it("fails content_type_conformance and negative_data_rejection on JSON instead of the text", () => {
    const answer = text(
      Number(missing.status),
      JSON.stringify({ error: missing.text }),
      "application/json",
    );
    const v = verdicts(issuer, rejection, answer);
    expect(v.content_type_conformance).toBe("fail");
    expect(v.negative_data_rejection).toBe("fail");
  });

  it("fails status_code_conformance on an undocumented 400, and negative_data_rejection on any other status", () => {
    const v = verdicts(issuer, rejection, text(400, missing.text));
    expect(v).toMatchObject({ status_code_conformance: "fail", negative_data_rejection: "fail" });
  });

  it("fails negative_data_rejection when the missing field is accepted, masking the tokens it quotes", () => {
    const judged = judgeCase(issuer, rejection, json(freshExample()), tools());
    const rejected = judged.results.find((r) => r.check === "negative_data_rejection");
    expect(rejected?.verdict).toBe("fail");
    expect(rejected?.problems.join()).toContain(SECRET_MASK);
    expect(rejected?.problems.join()).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
  });
});

describe("judgeCase on a bearer operation's credentials", () => {
  const none = fuzzCase({ kind: "unauthenticated" }, { kind: "none" });
  const tampered = {
    ...fuzzCase({ kind: "unauthenticated" }, { kind: "tampered", suffix: "x", label: "tampered" }),
    label: "tampered",
  };
  const bodyless = { status: 401, mediaType: "", text: "" };

  it("passes missing_required_header and ignored_auth on a bodyless 401", () => {
    expect(verdicts(guarded, none, bodyless).missing_required_header).toBe("pass");
    expect(verdicts(guarded, tampered, bodyless).ignored_auth).toBe("pass");
  });

  it("fails them when the call goes through, saying the credential is not checked", () => {
    const through = json({}, Number(guarded.success?.status));
    const judged = judgeCase(guarded, tampered, through, tools());
    const auth = judged.results.find((r) => r.check === "ignored_auth");
    expect(auth?.verdict).toBe("fail");
    expect(auth?.problems.join()).toContain("the credential is not checked");
    expect(verdicts(guarded, none, through).missing_required_header).toBe("fail");
  });

  it("reports a body on a 401 the spec documents without one as undocumented, not failed", () => {
    const v = verdicts(guarded, none, {
      status: 401,
      mediaType: "text/plain",
      text: "Unauthorized",
    });
    expect(v).toMatchObject({
      content_type_conformance: "undocumented",
      missing_required_header: "pass",
    });
  });
});

describe("judgeCase on a request the spec documents nothing about", () => {
  it("records what was seen under negative_data_rejection as undocumented, and judges nothing else", () => {
    const judged = judgeCase(
      issuer,
      fuzzCase({ kind: "undocumented" }),
      text(405, "Method Not Allowed", "text/plain"),
      tools(),
    );
    expect(judged.results).toEqual([
      { check: "negative_data_rejection", verdict: "undocumented", problems: ["405 text/plain"] },
    ]);
    const accepted = judgeCase(
      issuer,
      fuzzCase({ kind: "undocumented" }),
      json(freshExample()),
      tools(),
    );
    expect(accepted.results[0]?.problems[0]).toMatch(/\(accepted\)$/);
    expect(accepted.tokens).toEqual([]);
  });
});

describe("CHECKS", () => {
  it("names the checks as Schemathesis does, plus one for the JWTs", () => {
    expect(CHECK_NAMES).toEqual([
      "status_code_conformance",
      "content_type_conformance",
      "response_schema_conformance",
      "positive_data_acceptance",
      "negative_data_rejection",
      "missing_required_header",
      "ignored_auth",
      "jwt_claims_conformance",
    ]);
  });
});
