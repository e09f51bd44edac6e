// The Prism engine, loaded in-process. Prism ships CommonJS without an exports map, so the pieces
// it does not re-export (router, validators) are reached by their dist paths, pinned at 5.16.0
// (prism-parts.cjs).
import * as core from "@stoplight/prism-core";
import type { IHttpConfig, IHttpRequest, IHttpResponse } from "@stoplight/prism-http";
import * as http from "@stoplight/prism-http";
import type { IHttpOperation } from "@stoplight/types";
import parts from "./prism-parts.cjs";

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

// Prism's own types pull in fp-ts and its logger's; the mock reads its results through the
// structural types above, so each piece is given the shape the mock relies on.
export const getHttpOperationsFromSpec = http.getHttpOperationsFromSpec as (
  path: string,
) => Promise<Operation[]>;
export const createInstance = http.createInstance as unknown as (
  config: PrismConfig,
  components: { logger: Logger; validateOutput?: Validator<PrismResponse> },
) => PrismInstance;
export const createLogger = core.createLogger as unknown as (
  name: string,
  options: object,
  destination?: unknown,
) => Logger;
export const route = parts.route as (opts: {
  resources: Operation[];
  input: PrismRequest;
}) => Either<PrismError, Operation>;
export const validateOutput = parts.validateOutput as Validator<PrismResponse>;
const validateSecurity = parts.validateSecurity as Validator<PrismRequest>;

/** Prism's own security check (the one `checkSecurity` runs): true when the request passes it. */
export const passesSecurity = (operation: Operation, input: PrismRequest): boolean =>
  validateSecurity({ resource: operation, element: input })._tag === "Right";

/** A value for `schema` from the generator Prism's dynamic answers use. */
export const generateFromSchema = (schema: object): unknown =>
  parts.JSONSchemaFaker.generate(schema);
// Dynamic answers carry only the documented properties (like prism's
// --json-schema-faker-fillProperties=false): the API documents no extra ones.
parts.JSONSchemaFaker.option("fillProperties", false);
