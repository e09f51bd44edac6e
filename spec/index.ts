// @klearstack/spec: the spec document, and the one way every workspace reads and checks against it.
export {
  type DecodedJwt,
  decodeJwtParts,
  EXAMPLE_SIGNING_SECRET,
  signExampleJwt,
} from "./jwt.ts";
export {
  type JsonSchema,
  loadSpec,
  type MediaType,
  type OpenApiDocument,
  type Operation,
  specPath,
} from "./load.ts";
export { resolveRef, type TokenOperation, tokenOperation } from "./token-operation.ts";
export {
  createSpecValidator,
  escapePointer,
  responseSchemaPointer,
  type SpecValidator,
} from "./validate.ts";
