// The fuzzer's checks, named as Schemathesis names them, each meaning what this spec documents.
// A failure contradicts the spec; an answer to a request the spec says nothing about (another
// method, another media type, a value its schema refuses) is "undocumented", reported with what
// was seen and never counted as a failure.
import type { OperationModel, ResponseModel, SecretMasker, SpecValidator } from "@klearstack/spec";
import { UNAUTHENTICATED_STATUS } from "../checks.ts";
import { clip, judgeToken, statusMatches } from "../judge.ts";
import { isJson } from "../send.ts";
import type { FuzzCase } from "./cases.ts";

/** Every check, with what it means here (README, --help, the reports). */
export const CHECKS = {
  status_code_conformance:
    "every answer to a request the spec covers has a status the operation documents",
  content_type_conformance:
    "the Content-Type is one the spec documents for that status (a bodyless status documents none)",
  response_schema_conformance:
    "the body validates against the schema documented for its status and media type",
  positive_data_acceptance:
    "valid inputs generated from the request schema get the documented success status",
  negative_data_rejection:
    "a required field missing or empty, or no body at all, gets the documented status and exactly the documented text naming the field",
  missing_required_header: `a bearer operation called without Authorization answers ${UNAUTHENTICATED_STATUS}`,
  ignored_auth: `an invalid bearer token (tampered, unsigned, of another token type, empty) gets ${UNAUTHENTICATED_STATUS}, never the success`,
  jwt_claims_conformance:
    "every returned token decodes to its documented header and claims and lives exp - iat within its x-token-lifetime minimum..maximum",
} as const;

export type CheckName = keyof typeof CHECKS;
export const CHECK_NAMES = Object.keys(CHECKS) as CheckName[];

export interface CheckResult {
  check: CheckName;
  verdict: "pass" | "fail" | "undocumented";
  /** Why it failed, or what was seen when undocumented; masked, one line each. */
  problems: string[];
}

export interface Answer {
  status: number;
  mediaType: string;
  text: string;
}

export interface Judged {
  results: CheckResult[];
  /** Tokens of a documented success that decoded to their documented type, for the chain. */
  tokens: { tokenType: string; value: string }[];
}

export interface JudgeTools {
  validate: SpecValidator;
  masker: SecretMasker;
}

const got = (answer: Answer) => `${answer.status} ${answer.mediaType || "(no Content-Type)"}`;

export function judgeCase(
  op: OperationModel,
  fuzzCase: FuzzCase,
  answer: Answer,
  tools: JudgeTools,
): Judged {
  const results: CheckResult[] = [];
  const tokens: Judged["tokens"] = [];
  const add = (check: CheckName, problems: string[], undocumented = false) =>
    results.push({
      check,
      verdict: undocumented ? "undocumented" : problems.length === 0 ? "pass" : "fail",
      problems: problems.map((p) => tools.masker.mask(p)),
    });
  const excerpt = () => JSON.stringify(clip(tools.masker.mask(answer.text.trim())));

  if (fuzzCase.expect.kind === "undocumented") {
    const accepted = op.success && statusMatches(op.success.status, answer.status);
    const seen = `${got(answer)}${accepted ? " (accepted)" : ""}`;
    add("negative_data_rejection", [seen], true);
    return { results, tokens };
  }

  const response = op.response(answer.status);
  const documented = op.responses.map((r) => r.status).join(", ");
  add(
    "status_code_conformance",
    response ? [] : [`status ${answer.status} is not documented (documented: ${documented})`],
  );
  if (response) {
    const judged = judgeBody(response, answer, tools);
    if (judged.contentType) add("content_type_conformance", ...judged.contentType);
    if (judged.schema) add("response_schema_conformance", judged.schema);
    if (judged.jwt) add("jwt_claims_conformance", judged.jwt);
    if (statusMatches(op.success?.status ?? "2XX", answer.status)) tokens.push(...judged.tokens);
  }

  const { expect } = fuzzCase;
  switch (expect.kind) {
    case "success": {
      const wanted = op.success?.status ?? "2XX";
      add(
        "positive_data_acceptance",
        statusMatches(wanted, answer.status)
          ? []
          : [`valid inputs answered ${answer.status}, documented ${wanted}: body ${excerpt()}`],
      );
      break;
    }
    case "rejection": {
      const match = expect.documented.find((d) => statusMatches(d.status, answer.status));
      const problems: string[] = [];
      if (!match) {
        const wanted = [...new Set(expect.documented.map((d) => d.status))].join(" or ");
        problems.push(`status ${answer.status}, documented ${wanted}`);
      }
      if (!expect.documented.some((d) => d.text === answer.text.trim())) {
        const texts = expect.documented.map((d) => JSON.stringify(d.text)).join(" or ");
        problems.push(`body ${excerpt()}, documented ${texts}`);
      }
      add("negative_data_rejection", problems);
      break;
    }
    case "unauthenticated": {
      const check = fuzzCase.auth.kind === "none" ? "missing_required_header" : "ignored_auth";
      const what = fuzzCase.label;
      const passedThrough = op.success && statusMatches(op.success.status, answer.status);
      add(
        check,
        answer.status === Number(UNAUTHENTICATED_STATUS)
          ? []
          : [
              passedThrough
                ? `${what}: answered ${answer.status}, the call went through (the credential is not checked)`
                : `${what}: answered ${answer.status}, expected ${UNAUTHENTICATED_STATUS}`,
            ],
      );
      break;
    }
  }
  return { results, tokens };
}

interface BodyVerdicts {
  contentType?: [string[], boolean];
  schema?: string[];
  jwt?: string[];
  tokens: Judged["tokens"];
}

/** Content type, schema and tokens of an answer whose status the operation documents. */
function judgeBody(response: ResponseModel, answer: Answer, tools: JudgeTools): BodyVerdicts {
  const verdicts: BodyVerdicts = { tokens: [] };
  if (response.contents.length === 0) {
    // A bodyless response documents no media type; a body there is news, not a contradiction.
    verdicts.contentType =
      answer.text.trim() === ""
        ? [[], false]
        : [[`${answer.status} documents no body; got a ${got(answer)} body`], true];
    return verdicts;
  }
  const content = response.contents.find((c) => c.mediaType === answer.mediaType);
  const listed = response.contents.map((c) => c.mediaType).join(" or ");
  verdicts.contentType = [
    content ? [] : [`Content-Type ${answer.mediaType || "missing"}, documented ${listed}`],
    false,
  ];
  // A body under the wrong label is still judged as the documented one: content_type names the
  // label, this check whether the body itself keeps the contract.
  const judged = content ?? response.contents[0];
  if (!judged) return verdicts;
  let body: unknown = answer.text;
  if (isJson(judged.mediaType)) {
    try {
      body = JSON.parse(answer.text);
    } catch {
      verdicts.schema = [`body is not ${judged.mediaType}`];
      return verdicts;
    }
  }
  verdicts.schema = tools.validate(judged.schemaPointer, body);
  if (judged.tokens.length === 0) return verdicts;
  verdicts.jwt = [];
  for (const token of judged.tokens) {
    const value = (body as Record<string, unknown> | null)?.[token.name];
    if (typeof value !== "string") continue; // response_schema_conformance names it
    const verdict = judgeToken(token, value, tools.validate);
    verdicts.jwt.push(...verdict.problems);
    if (verdict.usable && token.tokenType)
      verdicts.tokens.push({ tokenType: token.tokenType, value });
  }
  return verdicts;
}
