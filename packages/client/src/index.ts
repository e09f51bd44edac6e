// Public entry point of @klearstack/client. Browser-safe: nothing here imports a node: module.
export {
  createKlearStackClient,
  type KlearStackClient,
  type OperationFields,
  type OperationId,
  type OperationResult,
} from "./client.ts";
export type { KlearStackClientOptions } from "./core.ts";
export { type EncodedBody, type Encoding, encodings as formEncodings } from "./encoding.ts";
export {
  KlearStackApiError,
  KlearStackError,
  type KlearStackErrorKind,
  KlearStackNetworkError,
  KlearStackRedirectError,
  KlearStackResponseTooLargeError,
  KlearStackTimeoutError,
  KlearStackUnauthorizedError,
  KlearStackValidationError,
} from "./errors.ts";
export type { components, operations, paths } from "./generated/api.gen.ts";
export { operationTable } from "./generated/operations.gen.ts";
export type { FieldEntry, OperationEntry, ValueKind } from "./operation-table.ts";
export type { RetryOptions } from "./retry.ts";
export {
  createTokenSession,
  type LoginCall,
  type LoginOperationId,
  type TokenSession,
  type TokenSessionOptions,
} from "./session.ts";
export { type DecodedToken, decodeToken, type JwtHeader, type TokenClaims } from "./token.ts";
export type {
  BearerCallOptions,
  CallOptions,
  Fetch,
  KlearStackLogger,
} from "./types.ts";

import type { components } from "./generated/api.gen.ts";
/** The login calls' answer: an access token, a refresh token and the API's release version. */
export type TokenPair = components["schemas"]["TokenPair"];
