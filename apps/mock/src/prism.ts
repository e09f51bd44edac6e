// The Prism engine, loaded in-process. Prism ships CommonJS without an exports map, so the pieces
// it does not re-export (router, validators) are reached by their dist paths, pinned at 5.16.0.
import { createRequire } from "node:module";
import type { IHttpConfig, IHttpRequest, IHttpResponse } from "@stoplight/prism-http";
import type { IHttpOperation } from "@stoplight/types";

import { deferModules } from "./lazy-modules.ts";

const require = createRequire(import.meta.url);
deferModules(
  "@stoplight/prism-http/dist/mocker/generator/JSONSchema.js",
  ["@faker-js/faker"],
  true,
);
deferModules("@stoplight/prism-http/dist/utils/operations.js", [
  "@stoplight/http-spec/postman/operation",
]);
deferModules("@stoplight/prism-http/dist/forwarder/index.js", [
  "node-fetch",
  "http-proxy-agent",
  "https-proxy-agent",
]);

export type Operation = IHttpOperation;
export type PrismRequest = IHttpRequest;
export type PrismResponse = IHttpResponse;
export type PrismConfig = IHttpConfig;
export interface Diagnostic {
  message: string;
  path?: string[];
  severity: number;
  code?: string | number;
}
// fp-ts Either, structurally: enough to read Prism's results without importing fp-ts.
export type Either<L, R> = { _tag: "Left"; left: L } | { _tag: "Right"; right: R };
export interface PrismError extends Error {
  status?: number;
  detail?: string;
}
export interface PrismOutput {
  output: PrismResponse;
  validations: { input: Diagnostic[]; output: Diagnostic[] };
}
type Validator<E> = (opts: { resource: Operation; element: E }) => Either<Diagnostic[], E>;
export interface PrismInstance {
  request(
    input: PrismRequest,
    operations: Operation[],
    config?: PrismConfig,
  ): () => Promise<Either<PrismError, PrismOutput>>;
}
interface Logger {
  level: string;
}

const http = require("@stoplight/prism-http") as {
  getHttpOperationsFromSpec(path: string): Promise<Operation[]>;
  createInstance(
    config: PrismConfig,
    components: { logger: Logger; validateOutput?: Validator<PrismResponse> },
  ): PrismInstance;
};
const core = require("@stoplight/prism-core") as {
  createLogger(name: string, options: object, destination?: unknown): Logger;
};
export const route = (
  require("@stoplight/prism-http/dist/router/index.js") as {
    default: (opts: {
      resources: Operation[];
      input: PrismRequest;
    }) => Either<PrismError, Operation>;
  }
).default;
const validators = require("@stoplight/prism-http/dist/validator/index.js") as {
  validateOutput: Validator<PrismResponse>;
  validateSecurity: Validator<PrismRequest>;
};
export const { validateOutput } = validators;

/** Prism's own security check (the one `checkSecurity` runs): true when the request passes it. */
export const passesSecurity = (operation: Operation, input: PrismRequest): boolean =>
  validators.validateSecurity({ resource: operation, element: input })._tag === "Right";

const faker = require("json-schema-faker") as {
  JSONSchemaFaker: {
    option(name: string, value: unknown): void;
    generate(schema: object): unknown;
  };
};
/** A value for `schema` from the generator Prism's dynamic answers use. */
export const generateFromSchema = (schema: object): unknown =>
  faker.JSONSchemaFaker.generate(schema);
// Dynamic answers carry only the documented properties (like prism's
// --json-schema-faker-fillProperties=false): the API documents no extra ones.
faker.JSONSchemaFaker.option("fillProperties", false);

export const { getHttpOperationsFromSpec, createInstance } = http;
export const { createLogger } = core;
