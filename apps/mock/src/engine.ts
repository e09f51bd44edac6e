// One loaded spec: Prism's operations and instance, plus the rules derived from the same file.
// A reload builds a new Engine and swaps it in whole, so a request never sees half of each.

import {
  createInstance,
  createLogger,
  type Diagnostic,
  type Either,
  getHttpOperationsFromSpec,
  type Operation,
  type PrismConfig,
  type PrismInstance,
  type PrismResponse,
  validateOutput,
} from "./prism.ts";
import { deriveRules, type OperationRules } from "./rules.ts";

export interface Engine {
  operations: Operation[];
  rules: Map<Operation, OperationRules>;
  prism: PrismInstance;
  config: PrismConfig;
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
  // it gets a no-op logger: even a silent pino costs a child logger per request.
  const logger = debug ? createLogger("PRISM", { level: "debug" }, process.stderr) : silentLogger;
  const prism = createInstance(config, { logger, validateOutput: memoize(validateOutput) });
  return { operations, rules, prism, config };
}

const noop = () => {};
const silentLogger = {
  level: "silent",
  ...Object.fromEntries(
    ["trace", "debug", "info", "success", "warn", "error", "fatal"].map((l) => [l, noop]),
  ),
  child: () => silentLogger,
};

type OutputValidator = typeof validateOutput;

/**
 * Prism's response validation is a pure function of the operation and the response, and a static
 * mock sends the same few responses over and over: remember the verdict per distinct response
 * (bounded, so dynamic bodies cannot grow it) instead of re-running Ajv every time.
 */
function memoize(validate: OutputValidator): OutputValidator {
  // Keyed by the body itself: a static answer is the same example object (or string) every time,
  // so no serialising per request; generated bodies are new objects and simply miss.
  const verdicts = new WeakMap<Operation, Map<unknown, Either<Diagnostic[], PrismResponse>>>();
  return ({ resource, element }) => {
    const seen = verdicts.get(resource) ?? new Map();
    verdicts.set(resource, seen);
    const key = element.body;
    const known = seen.get(key);
    const status = JSON.stringify([element.statusCode, element.headers]);
    if (
      known &&
      known._tag === "Right" &&
      JSON.stringify([known.right.statusCode, known.right.headers]) === status
    ) {
      return known;
    }
    const verdict = validate({ resource, element });
    if (verdict._tag === "Right" && seen.size < 64) seen.set(key, verdict);
    return verdict;
  };
}
