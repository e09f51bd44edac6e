import { isLoopback, printableUrl } from "../guards.ts";
import { type RunContextOptions, runContext } from "../run-context.ts";
import { DEFAULT_MAX_EXAMPLES } from "./options.ts";
import { jsonReport, junitReport } from "./reports.ts";
import { type FuzzResult, runFuzz } from "./run.ts";
import { rateText, renderSummary } from "./summary.ts";

/** Model, given values and masker as for every run (given field values are held in every case). */
export interface FuzzingOptions extends RunContextOptions {
  baseUrl: URL;
  timeoutMs?: number;
  /** Most bytes of an answer's body to read. Default DEFAULT_MAX_RESPONSE_BYTES (1 MiB). */
  maxResponseBytes?: number;
  seed: number;
  maxExamples?: number;
  maxRequests?: number;
  /** Requests per second; undefined: unlimited. */
  rate: number | undefined;
}

export interface FuzzingOutcome {
  result: FuzzResult;
  /** The one-screen summary, masked. */
  summary: string;
  json: string;
  junit: string;
}

export async function runFuzzing(options: FuzzingOptions): Promise<FuzzingOutcome> {
  const { model, given, masker } = await runContext(options);
  const result = await runFuzz({
    model,
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs ?? 10_000,
    maxResponseBytes: options.maxResponseBytes,
    given,
    masker,
    seed: options.seed,
    maxExamples: options.maxExamples ?? DEFAULT_MAX_EXAMPLES,
    ...(options.maxRequests === undefined ? {} : { maxRequests: options.maxRequests }),
    rate: options.rate,
  });
  const baseUrl = printableUrl(options.baseUrl);
  const spec = { title: model.title, version: model.version };
  const summary = renderSummary(result, {
    target: baseUrl,
    spec: `${model.title} ${model.version}`,
    rate: rateText(options.rate, isLoopback(options.baseUrl)),
  });
  // Masked as a whole at the end: a secret learned late must not survive in an earlier line.
  return {
    result,
    summary: masker.mask(summary),
    json: jsonReport(result, { baseUrl, spec, masker }),
    junit: junitReport(result, { baseUrl, spec, masker }),
  };
}
