// createKlearStackClient: the generic core (core.ts) over the generated operation table, typed by
// openapi-typescript's `operations`. A spec edit that adds an operation adds a method here after
// `npm run generate`, with no hand-written code.
import type { Client } from "openapi-fetch";
import { createOperationClient, type KlearStackClientOptions } from "./core.ts";
import type { operations, paths } from "./generated/api.gen.ts";
import { operationTable } from "./generated/operations.gen.ts";
import type { FieldsOf, OperationMethods, ResultOf } from "./types.ts";

/** Every operationId of the spec. */
export type OperationId = keyof typeof operationTable;

/** The form fields operation `Id` takes. */
export type OperationFields<Id extends OperationId> = FieldsOf<operations[Id]>;

/** What operation `Id` resolves to: its documented success body. */
export type OperationResult<Id extends OperationId> = ResultOf<operations[Id]>;

export type KlearStackClient = OperationMethods<operations, typeof operationTable> & {
  /** The openapi-fetch client typed by the generated `paths`: no validation, retries or timeout. */
  readonly raw: Client<paths>;
};

export function createKlearStackClient(options: KlearStackClientOptions): KlearStackClient {
  return createOperationClient(operationTable, options) as unknown as KlearStackClient;
}
