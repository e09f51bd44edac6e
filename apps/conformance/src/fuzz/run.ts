// A fuzz run: every operation in chain order (logins first, their tokens feed the calls that need
// them), each case kind sampled from its arbitrary with a seed derived from the run's seed, every
// answer judged by the named checks, and the first failing case of each check and operation shrunk
// by fast-check to a minimal one that still fails that check (shrink.ts). Requests go through one
// Pace (budget, rate, connection errors); every secret sent or received is taught to the masker.
import {
  type ApiModel,
  createSpecValidator,
  type OperationModel,
  type SecretMasker,
} from "@klearstack/spec";
import fc from "fast-check";
import { inChainOrder, TokenStore } from "../chain.ts";
import { type GivenValues, runInputs } from "../inputs.ts";
import { inputResolver } from "../resolve.ts";
import { requestUrl, send } from "../send.ts";
import { type CaseKind, type FuzzCase, planCaseKinds } from "./cases.ts";
import { type CheckName, judgeCase } from "./checks.ts";
import { curlFor, curlNames } from "./curl.ts";
import {
  type CaseRecord,
  type Executed,
  type FailureReport,
  Findings,
  type Tally,
  type UndocumentedReport,
} from "./findings.ts";
import { CONNECTION_ERRORS_IN_A_ROW, Pace, type PaceOptions, Stopped } from "./pace.ts";
import { shrinkFailure } from "./shrink.ts";
import { learnSecrets, teach } from "./teach.ts";
import { wireRequest } from "./wire.ts";

export interface FuzzOptions {
  model: ApiModel;
  baseUrl: URL;
  timeoutMs: number;
  maxResponseBytes?: number | undefined;
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

/** A kind's own seed: the run's, mixed with what the kind is (not where it comes in the spec). */
export function kindSeed(seed: number, operationId: string, kindId: string): number {
  let hash = 0x811c9dc5; // FNV-1a
  for (const byte of new TextEncoder().encode(`${operationId}\u0000${kindId}`)) {
    hash = Math.imul(hash ^ byte, 0x01000193);
  }
  return (seed ^ hash) | 0;
}

/** A token type the API hands out that the bearer scheme does not take (for a wrong-token case). */
function otherTokenType(model: ApiModel): string | undefined {
  const scheme = model.operations.find((op) => op.bearer)?.bearer;
  const bearerType = scheme && model.chain.bearerTokenType(scheme);
  if (!bearerType) return undefined;
  return model.chain.tokenTypes.find((type) => type !== bearerType);
}

export function planKinds(model: ApiModel, given: GivenValues): Map<OperationModel, CaseKind[]> {
  const other = otherTokenType(model);
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

  const findings = new Findings();
  const connectionErrors = { count: 0, last: undefined as string | undefined };

  const curl = (op: OperationModel, fuzzCase: FuzzCase) =>
    curlFor(fuzzCase, requestUrl(baseUrl, op.path), names);

  async function execute(op: OperationModel, fuzzCase: FuzzCase): Promise<Executed> {
    const resolved = resolve(op);
    if (!resolved.ok) throw new Error(`${op.operationId} can no longer run: ${resolved.why}`);
    const request = wireRequest(op, fuzzCase, resolved.valid, (type) => store.get(type));
    for (const [name, value] of fuzzCase.fields) {
      const sent = [request.fields[name]].flat()[0];
      if (value.kind !== "literal" && typeof sent === "string") teach(masker, sent);
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

  async function fuzzOperation(op: OperationModel) {
    for (const kind of kinds.get(op) ?? []) {
      const samples = fc.sample(kind.arbitrary, {
        seed: kindSeed(seed, op.operationId, kind.id),
        numRuns: kind.single ? 1 : maxExamples,
      });
      const firstFailures = new Map<CheckName, { index: number; executed: Executed }>();
      for (const [index, fuzzCase] of samples.entries()) {
        const executed = await execute(op, fuzzCase);
        const { operationId } = op;
        const record = { operationId, kind: kind.id, label: fuzzCase.label };
        findings.record({ ...record, curl: curl(op, fuzzCase), got: executed.got }, executed);
        if (!executed.answered) continue;
        for (const { check, verdict } of executed.results) {
          const known = findings.hasFailure(check, operationId) || firstFailures.has(check);
          if (verdict === "fail" && !known) firstFailures.set(check, { index, executed });
        }
      }
      for (const [check, { index, executed }] of firstFailures) {
        const { report, stopped } = await shrinkFailure({
          arbitrary: kind.arbitrary,
          seed: kindSeed(seed, op.operationId, kind.id),
          index,
          check,
          operationId: op.operationId,
          first: { fuzzCase: samples[index] as FuzzCase, executed },
          execute: (fuzzCase) => execute(op, fuzzCase),
          curl: (fuzzCase) => curl(op, fuzzCase),
        });
        findings.addFailure(report);
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
    tallies: findings.tallies,
    failures: findings.failures,
    undocumented: findings.undocumented,
    notRun: notRun.map(({ op, why }) => ({ operationId: op.operationId, why: masker.mask(why) })),
    connectionErrors,
    stopped,
    cases: findings.cases,
    ok: false,
  };
  result.ok =
    result.failures.length === 0 &&
    result.notRun.length === 0 &&
    stopped === undefined &&
    connectionErrors.count === 0;
  return result;
}
