// Runs every operation's checks in chain order: at each step, of the operations whose inputs can be
// satisfied now, the one needing the fewest tokens (then the first in the spec) runs next, so the
// logins run before the calls that need their tokens. An operation whose inputs cannot be
// satisfied is reported as not run, with why. Requests go one after another: a real deployment
// deserves no burst. Every secret sent or received is taught to the masker before anything that
// could quote it is written.
import {
  type ApiModel,
  createSpecValidator,
  type OperationModel,
  type SecretMasker,
} from "@klearstack/spec";
import { bearerTokenType, isTokenField, TokenStore, tokenTypeOf } from "./chain.ts";
import { type Check, planChecks, type ValidInputs } from "./checks.ts";
import { type GivenValues, runInputs } from "./inputs.ts";
import { judge } from "./judge.ts";
import { canEncode, send } from "./send.ts";

export interface Outcome {
  check: Check;
  result: "pass" | "fail" | "not run";
  /** What came back, one line: status and media type, the network error, or "not run". */
  got: string;
  /** Why it failed or did not run, one line each; masked. */
  problems: string[];
}

export interface RunOptions {
  model: ApiModel;
  baseUrl: URL;
  timeoutMs: number;
  given: GivenValues;
  masker: SecretMasker;
}

type Resolved = { ok: true; valid: ValidInputs } | { ok: false; why: string };

export async function runChecks(options: RunOptions): Promise<Outcome[]> {
  const { model, masker } = options;
  const validate = createSpecValidator(model, { rootLabel: "body" });
  const store = new TokenStore();
  const resolve = inputResolver(options, store);
  const needs = (op: OperationModel) =>
    (op.bearer ? 1 : 0) + op.fields.filter((f) => isTokenField(f)).length;

  const outcomes: Outcome[] = [];
  let pending = [...model.operations];
  while (pending.length > 0) {
    const ready = pending
      .map((op) => ({ op, resolved: resolve(op) }))
      .filter((candidate) => candidate.resolved.ok)
      .sort((a, b) => needs(a.op) - needs(b.op));
    const next = ready[0];
    if (!next?.resolved.ok) break;
    pending = pending.filter((op) => op !== next.op);
    const { valid } = next.resolved;
    for (const field of next.op.fields) {
      if (field.secret || isTokenField(field)) masker.add(valid.fields[field.name]);
    }
    masker.add(valid.bearer);
    for (const check of planChecks(next.op)) {
      outcomes.push(await runCheck(check, valid, { ...options, validate, store }));
    }
  }
  for (const op of pending) {
    const resolved = resolve(op);
    const why = resolved.ok ? "" : resolved.why;
    for (const check of planChecks(op)) {
      outcomes.push({
        check,
        result: "not run",
        got: "not run",
        problems: [masker.mask(why)],
      });
    }
  }
  return outcomes;
}

async function runCheck(
  check: Check,
  valid: ValidInputs,
  options: RunOptions & { validate: ReturnType<typeof createSpecValidator>; store: TokenStore },
): Promise<Outcome> {
  const { masker } = options;
  if (!canEncode(check.mediaType)) {
    const why = `conformance cannot send ${check.mediaType} bodies yet`;
    return { check, result: "not run", got: "not run", problems: [why] };
  }
  const answer = await send(options.baseUrl, check.request(valid), options);
  if (!answer.ok) {
    const got = `no response: ${masker.mask(answer.reason)}`;
    return { check, result: "fail", got, problems: [got] };
  }
  // Learn before judging: a problem may quote the body. Credential-like keys are learned by name;
  // the fields the spec documents as tokens are added whatever they are called or look like.
  try {
    const body = JSON.parse(answer.text) as unknown;
    masker.learn(body);
    for (const token of check.expect.tokens) {
      const value = (body as Record<string, unknown> | null)?.[token.name];
      if (typeof value === "string") masker.add(value);
    }
  } catch {
    // Not JSON: only what the masker already knows (and anything JWT-shaped) is hidden.
  }
  const verdict = judge(answer, check.expect, options);
  if (check.kind === "valid-request") {
    for (const token of verdict.tokens) options.store.put(token.tokenType, token.value);
  }
  const got = `${answer.status} ${answer.mediaType || "(no Content-Type)"}`;
  const problems = verdict.problems.map((problem) => masker.mask(problem));
  return { check, result: problems.length === 0 ? "pass" : "fail", got, problems };
}

/** The valid inputs of an operation now, or why it cannot run yet. */
function inputResolver(options: RunOptions, store: TokenStore): (op: OperationModel) => Resolved {
  const inputs = runInputs(options.model);
  const bearerType = bearerTokenType(options.model);
  const { given } = options;
  return (op) => {
    const unsupported = op.security.find((s) => !(s.type === "http" && s.scheme === "bearer"));
    if (unsupported) {
      return {
        ok: false,
        why: `security scheme ${unsupported.name} (${unsupported.type}) is not supported`,
      };
    }
    if (op.path.includes("{")) return { ok: false, why: "path parameters are not supported yet" };
    const fields: Record<string, string> = {};
    for (const field of op.fields) {
      const input = inputs.fields.find((i) => i.name === field.name);
      const where = input?.secret
        ? `set ${input.secret.env} or pipe it to --${input.secret.stdinFlag}`
        : `pass --${input?.flag}`;
      const tokenType = tokenTypeOf(field.schema);
      const value =
        given.fields[field.name] ?? (isTokenField(field) ? store.get(tokenType) : field.example);
      if (value !== undefined) fields[field.name] = value;
      else if (field.required && isTokenField(field)) {
        const kind = tokenType ? aToken(tokenType) : "a JWT";
        return {
          ok: false,
          why: `needs ${field.name}, and no operation run so far returned ${kind} (or ${where})`,
        };
      } else if (field.required) {
        return {
          ok: false,
          why: `needs ${field.name}, which the spec gives no example of (${where})`,
        };
      }
    }
    let bearer: string | undefined;
    if (op.bearer) {
      const input = inputs.bearers.find((i) => i.scheme === op.bearer?.name);
      bearer = given.bearers[op.bearer.name] ?? store.get(bearerType);
      if (bearer === undefined) {
        const kind = bearerType ? aToken(bearerType) : "a token the spec ties to this scheme";
        return {
          ok: false,
          why: `needs a ${op.bearer.name} credential, and no operation run so far returned ${kind} (or set ${input?.secret.env} or pipe it to --${input?.secret.stdinFlag})`,
        };
      }
    }
    return { ok: true, valid: { fields, bearer } };
  };
}

const aToken = (type: string) => `${/^[aeiou]/i.test(type) ? "an" : "a"} ${type} token`;
