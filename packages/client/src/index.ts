// Public entry point of @klearstack/client. Browser-safe: nothing here imports a node: module.
export type {
  components,
  JwtHeader,
  operations,
  paths,
  TokenClaims,
  TokenPair,
  TokenRequest,
} from "./api.ts";
export { tokenPath } from "./api.ts";
export {
  type CallOptions,
  createKlearStackClient,
  type Fetch,
  type KlearStackClient,
  type KlearStackClientOptions,
  type KlearStackLogger,
} from "./client.ts";
export { type EncodedBody, type Encoding, encodings as formEncodings } from "./encoding.ts";
export {
  KlearStackApiError,
  KlearStackError,
  type KlearStackErrorKind,
  KlearStackNetworkError,
  KlearStackTimeoutError,
  KlearStackValidationError,
} from "./errors.ts";
export type { RetryOptions } from "./retry.ts";
export { createTokenSession, type TokenSession, type TokenSessionOptions } from "./session.ts";
export { type DecodedToken, decodeToken } from "./token.ts";
