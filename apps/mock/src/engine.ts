// One loaded spec: Prism's operations and instance, plus the rules derived from the same file.
// A reload builds a new Engine and swaps it in whole, so a request never sees half of each.

import { type Answerer, createAnswerer } from "./answers.ts";
import {
  createInstance,
  createLogger,
  getHttpOperationsFromSpec,
  type Operation,
  type PrismConfig,
  type PrismInstance,
  validateOutput,
} from "./prism.ts";
import { redactingDestination } from "./redact.ts";
import { deriveRules, type OperationRules } from "./rules.ts";

export interface Engine {
  operations: Operation[];
  rules: Map<Operation, OperationRules>;
  prism: PrismInstance;
  config: PrismConfig;
  /** Prism's answer to a routed request, remembered per loaded spec when static (answers.ts). */
  answer: Answerer;
}

export async function loadEngine(
  specPath: string,
  dynamic: boolean,
  debug: boolean,
): Promise<Engine> {
  const operations = await getHttpOperationsFromSpec(specPath);
  const rules = deriveRules(specPath, operations);
  // The request is checked before Prism sees it (see handler.ts); Prism still validates every
  // response it produces, and its verdict reaches the client as `sl-violations`.
  const config = {
    checkSecurity: true,
    validateRequest: false,
    validateResponse: true,
    errors: false,
    isProxy: false,
    upstreamProxy: undefined,
    mock: { dynamic },
  } as PrismConfig;
  // Prism's own logger speaks several lines per request; ours speaks one (log.ts). Below debug
  // it gets a no-op logger: even a silent pino costs a child logger per request. At debug its
  // lines go through redact.ts: Prism would dump every response body, tokens included.
  const logger = debug
    ? createLogger(
        "PRISM",
        { level: "debug" },
        redactingDestination((text) => process.stderr.write(text)),
      )
    : silentLogger;
  const prism = createInstance(config, { logger, validateOutput });
  const loaded = { operations, rules, prism, config };
  return { ...loaded, answer: createAnswerer(loaded) };
}

const noop = () => {};
const silentLogger = {
  level: "silent",
  ...Object.fromEntries(
    ["trace", "debug", "info", "success", "warn", "error", "fatal"].map((l) => [l, noop]),
  ),
  child: () => silentLogger,
};
