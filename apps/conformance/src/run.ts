// Runs every operation's planned checks in chain order (`inChainOrder`: the logins before the calls
// that need their tokens). An operation whose inputs cannot be satisfied is reported as not run,
// with why. Requests go one after another: a real deployment deserves no burst; and, by the
// fuzzer's own rule (its Pace), repeated connection errors stop the run. Every secret sent or
// received is taught to the masker before anything that could quote it is written.
import { type ApiModel, createSpecValidator, type SecretMasker } from "@klearstack/spec";
import { inChainOrder, TokenStore } from "./chain.ts";
import { type Check, planChecks, type ValidInputs } from "./checks.ts";
import { CONNECTION_ERRORS_IN_A_ROW, Pace, Stopped } from "./fuzz/pace.ts";
import type { GivenValues } from "./inputs.ts";
import { judge } from "./judge.ts";
import { inputResolver } from "./resolve.ts";
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
  maxResponseBytes?: number | undefined;
  given: GivenValues;
  masker: SecretMasker;
}

export async function runChecks(options: RunOptions): Promise<Outcome[]> {
  const { model, masker } = options;
  const validate = createSpecValidator(model, { rootLabel: "body" });
  const store = new TokenStore();
  // No budget or rate here (a few dozen requests, one at a time): only the connection-error rule.
  const pace = new Pace({
    budget: Number.POSITIVE_INFINITY,
    rate: undefined,
    maxConnectionErrors: CONNECTION_ERRORS_IN_A_ROW,
  });
  let stopped: string | undefined;
  const outcomes: Outcome[] = [];
  const notRun = await inChainOrder(model, inputResolver(options, store), async (op, valid) => {
    // What the user gave is known already; what came from the server is learned (long enough).
    for (const field of op.fields) {
      if (field.secret || field.jwt) masker.learn(valid.fields[field.name] as string | undefined);
    }
    masker.learn(valid.bearer);
    for (const check of planChecks(op)) {
      if (stopped) {
        outcomes.push({ check, result: "not run", got: "not run", problems: [stopped] });
        continue;
      }
      try {
        outcomes.push(await runCheck(check, valid, { ...options, validate, store, pace }));
      } catch (error) {
        if (!(error instanceof Stopped)) throw error;
        stopped = `stopped early: ${masker.mask(error.message)}`;
        outcomes.push({ check, result: "fail", got: "no response", problems: [stopped] });
      }
    }
  });
  for (const { op, why } of notRun) {
    for (const check of planChecks(op)) {
      outcomes.push({ check, result: "not run", got: "not run", problems: [masker.mask(why)] });
    }
  }
  return outcomes;
}

async function runCheck(
  check: Check,
  valid: ValidInputs,
  options: RunOptions & {
    validate: ReturnType<typeof createSpecValidator>;
    store: TokenStore;
    pace: Pace;
  },
): Promise<Outcome> {
  const { masker } = options;
  if (!canEncode(check.mediaType)) {
    const why = `conformance cannot send ${check.mediaType} bodies yet`;
    return { check, result: "not run", got: "not run", problems: [why] };
  }
  const answer = await options.pace.send(() =>
    send(options.baseUrl, check.request(valid), options),
  );
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
      if (typeof value === "string") masker.learn(value);
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
