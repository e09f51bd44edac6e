// Judges one answer against a check's expectation: status, media type, the body against the spec's
// schema (JSON Schema 2020-12 on the model's resolved document), the exact documented text, and
// every JWT in the body decoded against its documented claims and lifetime. Problems name fields
// and rules, never values; the one body excerpt is masked before it is clipped.
import { decodeJwtParts, type SecretMasker, type SpecValidator } from "@klearstack/spec";
import type { Expectation } from "./checks.ts";
import { isJson } from "./send.ts";

export interface Verdict {
  problems: string[];
  /** Tokens of the body that decoded to their documented type, for the chain. */
  tokens: { tokenType: string; value: string }[];
}

/** "200" matches 200 only; "5XX" matches 500–599. */
export function statusMatches(expected: string, got: number): boolean {
  const range = /^([1-5])XX$/i.exec(expected);
  return range ? Math.floor(got / 100) === Number(range[1]) : Number(expected) === got;
}

/** A body excerpt fit for one line of a report (mask first: a clipped token is not recognised). */
export const clip = (text: string): string => (text.length > 160 ? `${text.slice(0, 160)}…` : text);

export function judge(
  answer: { status: number; mediaType: string; text: string },
  expect: Expectation,
  tools: { validate: SpecValidator; masker: SecretMasker },
): Verdict {
  const problems: string[] = [];
  const tokens: Verdict["tokens"] = [];
  const statusOk = statusMatches(expect.status, answer.status);
  if (!statusOk) {
    problems.push(`status ${answer.status}, expected ${expect.status}`);
  }
  if (expect.mediaType !== undefined && answer.mediaType !== expect.mediaType) {
    problems.push(`Content-Type ${answer.mediaType || "missing"}, expected ${expect.mediaType}`);
  }
  if (expect.text !== undefined && answer.text.trim() !== expect.text) {
    // Mask before clipping: a token cut in half would no longer be recognised.
    const shown = clip(tools.masker.mask(answer.text));
    problems.push(`body ${JSON.stringify(shown)}, expected ${JSON.stringify(expect.text)}`);
  }
  if (expect.schemaPointer === undefined || expect.mediaType === undefined) {
    return { problems, tokens };
  }
  let body: unknown = answer.text;
  if (isJson(expect.mediaType)) {
    try {
      body = JSON.parse(answer.text);
    } catch {
      problems.push("body is not JSON");
      return { problems, tokens };
    }
  }
  problems.push(...tools.validate(expect.schemaPointer, body));
  for (const token of expect.tokens) {
    const value = (body as Record<string, unknown> | null)?.[token.name];
    if (typeof value !== "string") continue; // the schema check above names it
    const verdict = judgeToken(token, value, tools.validate);
    problems.push(...verdict.problems);
    // A token of the documented shape from the documented success feeds the chain, even if its
    // lifetime is off: that is reported, and the calls it unlocks are still worth checking.
    if (statusOk && verdict.usable && token.tokenType) {
      tokens.push({ tokenType: token.tokenType, value });
    }
  }
  return { problems, tokens };
}

/** One returned JWT against its documented decoded schema and lifetime; usable: fit for the chain. */
export function judgeToken(
  token: Expectation["tokens"][number],
  value: string,
  validate: SpecValidator,
): { problems: string[]; usable: boolean } {
  let decoded: { header: unknown; claims: unknown };
  try {
    decoded = decodeJwtParts(value);
  } catch (error) {
    // The reader's messages name the faulty part, never the token.
    const problem = `/${token.name} does not decode as a JWT: ${(error as Error).message}`;
    return { problems: [problem], usable: false };
  }
  const problems = token.decodedSchema
    ? validate(token.decodedSchema, decoded).map(
        // "body/claims/exp must be integer" → "/access_token (decoded)/claims/exp must be integer"
        (p) => `/${token.name} (decoded)${p.replace(/^body/, "")}`,
      )
    : [];
  const usable = problems.length === 0;
  const { lifetime } = token;
  const claims = decoded.claims as { exp?: unknown; iat?: unknown } | null;
  if (lifetime && typeof claims?.exp === "number" && typeof claims.iat === "number") {
    const seconds = claims.exp - claims.iat;
    const minimum = lifetime.minimum ?? lifetime.default;
    const maximum = lifetime.maximum ?? lifetime.default;
    if (seconds < minimum || seconds > maximum) {
      problems.push(
        `/${token.name} lives ${seconds} s (exp - iat), documented ${minimum}..${maximum} s`,
      );
    }
  }
  return { problems, usable };
}
