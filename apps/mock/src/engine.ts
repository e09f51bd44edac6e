// One loaded spec: Prism's operations and instance, plus the rules the operation model gives for
// each of them. A reload builds a new Engine and swaps it in whole, so a request never sees half of
// each. Prism loads the file for itself; everything else reads it through `loadApiModel`.
import { createSpecValidator, loadApiModel } from "@klearstack/spec";
import { type Answerer, createAnswerer } from "./answers.ts";
import {
  createInstance,
  createLogger,
  type Either,
  getHttpOperationsFromSpec,
  type Operation,
  type PrismConfig,
  type PrismError,
  type PrismInstance,
  type PrismRequest,
  route,
  validateOutput,
} from "./prism.ts";
import { redactingDestination } from "./redact.ts";
import { deriveRules, type OperationRules } from "./rules.ts";
import type { Lifetimes } from "./tokens.ts";

export interface Engine {
  operations: Operation[];
  rules: Map<Operation, OperationRules>;
  prism: PrismInstance;
  config: PrismConfig;
  /** Prism's answer to a routed request, remembered per loaded spec when static (answers.ts). */
  answer: Answerer;
  /** Prism's router on these operations, its decision remembered per method and path. */
  route: (method: PrismRequest["method"], path: string) => Either<PrismError, Operation>;
}

export interface EngineOptions {
  dynamic: boolean;
  debug: boolean;
  lifetimes: Lifetimes;
}

export async function loadEngine(specPath: string, options: EngineOptions): Promise<Engine> {
  const [operations, model] = await Promise.all([
    getHttpOperationsFromSpec(specPath),
    loadApiModel(specPath),
  ]);
  const validator = createSpecValidator(model, { rootLabel: "body" });
  const rules = new Map<Operation, OperationRules>();
  for (const operation of operations) {
    const described = model.operations.find(
      (op) => op.method === operation.method && op.path === operation.path,
    );
    if (described) rules.set(operation, deriveRules(described, validator, options.lifetimes));
  }
  // Prism checks security on the real request; the fields are checked before Prism sees them
  // (see handler.ts), so a missing one gets the API's documented 500, never Prism's 422. Prism
  // still validates every response it produces, and its verdict reaches the client as
  // `sl-violations`.
  const config = {
    checkSecurity: true,
    validateRequest: false,
    validateResponse: true,
    errors: false,
    isProxy: false,
    upstreamProxy: undefined,
    mock: { dynamic: options.dynamic },
  } as PrismConfig;
  // Prism's own logger speaks several lines per request; ours speaks one (log.ts). Below debug
  // it gets a no-op logger: even a silent pino costs a child logger per request. At debug its
  // lines go through redact.ts: Prism would dump every request and response, secrets included.
  const logger = options.debug
    ? createLogger(
        "PRISM",
        { level: "debug" },
        redactingDestination((text) => process.stderr.write(text)),
      )
    : silentLogger;
  const prism = createInstance(config, { logger, validateOutput });
  const loaded = { operations, rules, prism, config };
  return { ...loaded, answer: createAnswerer(loaded), route: rememberRoutes(operations) };
}

/**
 * Prism's router, asked once per method and path: its decision depends on nothing else (the mock
 * gives it no base URL), and a reload builds a new Engine with a new memory. Only matches are
 * kept, at most 256 of them: unknown paths are client-controlled, and rare.
 */
function rememberRoutes(operations: Operation[]): Engine["route"] {
  const routes = new Map<string, Either<PrismError, Operation>>();
  return (method, path) => {
    const key = `${method} ${path}`;
    const known = routes.get(key);
    if (known) return known;
    const routed = route({ resources: operations, input: { method, url: { path } } });
    if (routed._tag === "Right" && routes.size < 256) routes.set(key, routed);
    return routed;
  };
}

const noop = () => {};
const silentLogger = {
  level: "silent",
  ...Object.fromEntries(
    ["trace", "debug", "info", "success", "warn", "error", "fatal"].map((l) => [l, noop]),
  ),
  child: () => silentLogger,
};
