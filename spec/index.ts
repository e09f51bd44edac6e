// @klearstack/spec: the spec document, its operation model, and the one way every workspace reads
// tokens, masks secrets and checks values against the spec.
export { type DecodedJwt, decodeJwtParts, secondsLeft } from "./jwt.ts";
export {
  type JsonSchema,
  loadSpec,
  type MediaType,
  type OpenApiDocument,
  type Operation,
  specPath,
} from "./load.ts";
export {
  type ApiModel,
  type ContentModel,
  type ExampleModel,
  type FieldModel,
  type HttpMethod,
  loadApiModel,
  type ModelSource,
  type OperationModel,
  type RequestModel,
  type ResponseModel,
  type SecuritySchemeModel,
  type TokenFieldModel,
} from "./model.ts";
export { type SchemaFacts, schemaFacts, type TokenLifetime } from "./schema-facts.ts";
export {
  encodingsOf,
  MIN_LEARNED_SECRET_LENGTH,
  maskSecrets,
  SECRET_MASK,
  SecretMasker,
} from "./secrets.ts";
export {
  EXAMPLE_SIGNING_SECRET,
  type ExampleJwtVerdict,
  signExampleJwt,
  verifyExampleJwt,
} from "./sign.ts";
export {
  createSpecValidator,
  escapePointer,
  responseSchemaPointer,
  type SpecValidator,
} from "./validate.ts";
