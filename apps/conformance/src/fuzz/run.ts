// A fuzz run: every operation in chain order (logins first, their tokens feed the calls that need
// them), each case kind sampled from its arbitrary with a seed derived from the run's seed, every
// answer judged by the named checks, and the first failing case of each check and operation shrunk
// by fast-check to a minimal one that still fails that check. Requests go through one Pace
// (budget, rate, connection errors); every secret sent or received is taught to the masker.
import {
  type ApiModel,
  createSpecValidator,
  maskSecrets,
  type OperationModel,
  SECRET_MASK,
  type SecretMasker,
} from "@klearstack/spec";
import fc from "fast-check";
import { bearerTokenType, inChainOrder, TokenStore } from "../chain.ts";
import { type GivenValues, runInputs } from "../inputs.ts";
import { inputResolver } from "../resolve.ts";
import { requestUrl, send } from "../send.ts";
import { type CaseKind, type FuzzCase, planCaseKinds } from "./cases.ts";
import { type CheckName, type CheckResult, judgeCase } from "./checks.ts";
import { curlFor, curlNames } from "./curl.ts";
import { CONNECTION_ERRORS_IN_A_ROW, Pace, type PaceOptions, Stopped } from "./pace.ts";
import { wireRequest } from "./wire.ts";

export interface FuzzOptions {
  model: ApiModel;
  baseUrl: URL;
  timeoutMs: number;
  given: GivenValues;
  masker: SecretMasker;
  seed: number;
  /** Generated cases per operation and case kind. */
  maxExamples: number;
  /** Total requests, shrinking included; default twice the planned cases. */
  maxRequests?: number;
  /** Requests per second; undefined: unlimited. */
  rate: number | undefined;
  clock?: PaceOptions["clock"];
}

/** Requests one failure may spend on shrinking. */
export const SHRINK_REQUESTS = 60;

export interface Tally {
  check: CheckName;
  operationId: string;
  passed: number;
  failed: number;
  undocumented: number;
}

export interface FailureReport {
  check: CheckName;
  operationId: string;
  /** The minimal case's kind, e.g. "company_name missing". */
  label: string;
  got: string;
  problems: string[];
  curl: string;
  /** Successful shrink steps from the first failing case to this one. */
  shrinks: number;
  note?: string;
}

export interface UndocumentedReport {
  /** The check that found nothing documented to judge by. */
  check: CheckName;
  operationId: string;
  kind: string;
  seen: string;
  count: number;
  /** The first such case. */
  curl: string;
}

export interface CaseRecord {
  operationId: string;
  kind: string;
  label: string;
  curl: string;
  got: string;
}

export interface FuzzResult {
  seed: number;
  maxExamples: number;
  budget: number;
  rate: number | undefined;
  requests: number;
  durationMs: number;
  tallies: Tally[];
  failures: FailureReport[];
  undocumented: UndocumentedReport[];
  notRun: { operationId: string; why: string }[];
  connectionErrors: { count: number; last: string | undefined };
  /** Why the run stopped before sending every planned case. */
  stopped: string | undefined;
  /** Every generated case, in the order sent: the same seed gives the same list. */
  cases: CaseRecord[];
  /** Every check passed, every operation ran, nothing stopped the run. */
  ok: boolean;
}

type Executed =
  | { answered: true; got: string; results: CheckResult[] }
  | { answered: false; got: string };

/** A kind's own seed: the run's, mixed with what the kind is (not where it comes in the spec). */
export function kindSeed(seed: number, operationId: string, kindId: string): number {
  let hash = 0x811c9dc5; // FNV-1a
  for (const byte of new TextEncoder().encode(`${operationId}\u0000${kindId}`)) {
    hash = Math.imul(hash ^ byte, 0x01000193);
  }
  return (seed ^ hash) | 0;
}

/** A token type the API hands out that the bearer scheme does not take (for a wrong-token case). */
function otherTokenType(model: ApiModel, bearerType: string | undefined): string | undefined {
  if (!bearerType) return undefined;
  const types = model.operations.flatMap(
    (op) => op.success?.body?.tokens.flatMap((t) => t.tokenType ?? []) ?? [],
  );
  return types.find((type) => type !== bearerType);
}

export function planKinds(model: ApiModel, given: GivenValues): Map<OperationModel, CaseKind[]> {
  const other = otherTokenType(model, bearerTokenType(model));
  return new Map(
    model.operations.map((op) => [
      op,
      planCaseKinds(op, {
        given,
        otherTokenType: other,
        pathMethods: model.operations
          .filter((o) => o.path === op.path)
          .map((o) => o.method.toUpperCase()),
      }),
    ]),
  );
}

/** How many cases the run plans: maxExamples for each kind, one for a kind with one case. */
export const plannedCases = (kinds: Map<OperationModel, CaseKind[]>, maxExamples: number): number =>
  [...kinds.values()].flat().reduce((n, kind) => n + (kind.single ? 1 : maxExamples), 0);

export async function runFuzz(options: FuzzOptions): Promise<FuzzResult> {
  const started = performance.now();
  const { model, masker, baseUrl, seed, maxExamples } = options;
  const kinds = planKinds(model, options.given);
  const budget = options.maxRequests ?? 2 * plannedCases(kinds, maxExamples);
  const pace = new Pace({
    budget,
    rate: options.rate,
    maxConnectionErrors: CONNECTION_ERRORS_IN_A_ROW,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const validate = createSpecValidator(model, { rootLabel: "body" });
  const store = new TokenStore();
  const resolve = inputResolver(options, store);
  const names = curlNames(runInputs(model), model.operations.find((op) => op.bearer)?.bearer?.name);

  const tallies = new Map<string, Tally>();
  const failures = new Map<string, FailureReport>();
  const undocumented = new Map<string, UndocumentedReport>();
  const cases: CaseRecord[] = [];
  const connectionErrors = { count: 0, last: undefined as string | undefined };

  const curl = (op: OperationModel, fuzzCase: FuzzCase) =>
    curlFor(fuzzCase, requestUrl(baseUrl, op.path), names);

  async function execute(op: OperationModel, fuzzCase: FuzzCase): Promise<Executed> {
    const resolved = resolve(op);
    if (!resolved.ok) throw new Error(`${op.operationId} can no longer run: ${resolved.why}`);
    const request = wireRequest(op, fuzzCase, resolved.valid, (type) => store.get(type));
    for (const [name, value] of fuzzCase.fields) {
      if (value.kind !== "literal") teach(masker, request.fields[name]);
    }
    teach(masker, request.bearer);
    const answer = await pace.send(() => send(baseUrl, request, options));
    if (!answer.ok) {
      connectionErrors.count += 1;
      connectionErrors.last = masker.mask(answer.reason);
      return { answered: false, got: `no response: ${connectionErrors.last}` };
    }
    learnSecrets(op, answer.text, masker);
    const judged = judgeCase(op, fuzzCase, answer, { validate, masker });
    if (fuzzCase.expect.kind === "success") {
      for (const token of judged.tokens) store.put(token.tokenType, token.value);
    }
    const got = `${answer.status} ${answer.mediaType || "(no Content-Type)"}`;
    return { answered: true, got, results: judged.results };
  }

  /** Replays case `index` of the kind and lets fast-check shrink it while `check` still fails. */
  async function shrink(
    op: OperationModel,
    kind: CaseKind,
    index: number,
    check: CheckName,
    first: { fuzzCase: FuzzCase; executed: Executed },
  ): Promise<{ report: FailureReport; stopped: Stopped | undefined }> {
    let allowance = SHRINK_REQUESTS;
    let stopped: Stopped | undefined;
    let smallest = first;
    let replayed = false;
    const fails = (executed: Executed) =>
      executed.answered && executed.results.some((r) => r.check === check && r.verdict === "fail");
    const details = await fc.check(
      fc.asyncProperty(kind.arbitrary, async (fuzzCase) => {
        if (allowance <= 0 || stopped) return true; // out of requests: keep the smallest so far
        allowance -= 1;
        let executed: Executed;
        try {
          executed = await execute(op, fuzzCase);
        } catch (error) {
          if (!(error instanceof Stopped)) throw error;
          stopped = error;
          return true;
        }
        const failing = fails(executed);
        if (failing) {
          smallest = { fuzzCase, executed };
          replayed = true;
        }
        return !failing;
      }),
      { seed: kindSeed(seed, op.operationId, kind.id), path: String(index) },
    );
    const { fuzzCase, executed } = smallest;
    const problems = executed.answered
      ? executed.results.filter((r) => r.check === check).flatMap((r) => r.problems)
      : [];
    const report: FailureReport = {
      check,
      operationId: op.operationId,
      label: fuzzCase.label,
      got: executed.got,
      problems,
      curl: curl(op, fuzzCase),
      shrinks: details.numShrinks,
    };
    if (!replayed) report.note = "passed when replayed (a flaky answer?): the case as first sent";
    else if (allowance <= 0) report.note = `shrinking stopped after ${SHRINK_REQUESTS} requests`;
    return { report, stopped };
  }

  function record(op: OperationModel, kind: CaseKind, fuzzCase: FuzzCase, executed: Executed) {
    cases.push({
      operationId: op.operationId,
      kind: kind.id,
      label: fuzzCase.label,
      curl: curl(op, fuzzCase),
      got: executed.got,
    });
    if (!executed.answered) return;
    for (const result of executed.results) {
      const key = `${result.check}\u0000${op.operationId}`;
      const tally = tallies.get(key) ?? {
        check: result.check,
        operationId: op.operationId,
        passed: 0,
        failed: 0,
        undocumented: 0,
      };
      tallies.set(key, tally);
      if (result.verdict === "pass") tally.passed += 1;
      else if (result.verdict === "fail") tally.failed += 1;
      else {
        tally.undocumented += 1;
        const seen = `${kind.id} → ${result.problems.join("; ")}`;
        const group = `${result.check}\u0000${op.operationId}\u0000${seen}`;
        const known = undocumented.get(group);
        if (known) known.count += 1;
        else {
          undocumented.set(group, {
            check: result.check,
            operationId: op.operationId,
            kind: kind.id,
            seen,
            count: 1,
            curl: curl(op, fuzzCase),
          });
        }
      }
    }
  }

  async function fuzzOperation(op: OperationModel) {
    for (const kind of kinds.get(op) ?? []) {
      const samples = fc.sample(kind.arbitrary, {
        seed: kindSeed(seed, op.operationId, kind.id),
        numRuns: kind.single ? 1 : maxExamples,
      });
      const firstFailures = new Map<CheckName, { index: number; executed: Executed }>();
      for (const [index, fuzzCase] of samples.entries()) {
        const executed = await execute(op, fuzzCase);
        record(op, kind, fuzzCase, executed);
        if (!executed.answered) continue;
        for (const result of executed.results) {
          const known = failures.has(`${result.check}\u0000${op.operationId}`);
          if (result.verdict === "fail" && !known && !firstFailures.has(result.check)) {
            firstFailures.set(result.check, { index, executed });
          }
        }
      }
      for (const [check, { index, executed }] of firstFailures) {
        const fuzzCase = samples[index] as FuzzCase;
        const { report, stopped } = await shrink(op, kind, index, check, { fuzzCase, executed });
        failures.set(`${check}\u0000${op.operationId}`, report);
        if (stopped) throw stopped;
      }
    }
  }

  let stopped: string | undefined;
  let notRun: { op: OperationModel; why: string }[] = [];
  try {
    notRun = await inChainOrder(model, resolve, (op) => fuzzOperation(op));
  } catch (error) {
    if (!(error instanceof Stopped)) throw error;
    stopped = masker.mask(error.message);
  }
  const result: FuzzResult = {
    seed,
    maxExamples,
    budget,
    rate: options.rate,
    requests: pace.sent,
    durationMs: performance.now() - started,
    tallies: [...tallies.values()],
    failures: [...failures.values()],
    undocumented: [...undocumented.values()],
    notRun: notRun.map(({ op, why }) => ({ operationId: op.operationId, why: masker.mask(why) })),
    connectionErrors,
    stopped,
    cases,
    ok: false,
  };
  result.ok =
    result.failures.length === 0 &&
    result.notRun.length === 0 &&
    stopped === undefined &&
    connectionErrors.count === 0;
  return result;
}

/**
 * Tells the masker a secret, unless its patterns already hide the whole value (a JWT): a fuzz run
 * sees thousands of tokens, and every one remembered would slow every later mask.
 */
function teach(masker: SecretMasker, secret: string | undefined) {
  if (secret !== undefined && maskSecrets(secret) !== SECRET_MASK) masker.add(secret);
}

/** Teaches the masker every credential an answer carries, before anything could quote it. */
function learnSecrets(op: OperationModel, text: string, masker: SecretMasker) {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return; // not JSON: what the masker knows, and anything JWT-shaped, is still hidden
  }
  // Credential-like keys are the masker's to recognise; what its patterns hide anyway is left out.
  masker.learn(
    JSON.parse(text, (_key, value) =>
      typeof value === "string" && maskSecrets(value) === SECRET_MASK ? undefined : value,
    ),
  );
  const names = op.responses.flatMap((r) => r.contents.flatMap((c) => c.tokens.map((t) => t.name)));
  for (const name of names) {
    const value = (body as Record<string, unknown> | null)?.[name];
    if (typeof value === "string") teach(masker, value);
  }
}
