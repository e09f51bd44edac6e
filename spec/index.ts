// @klearstack/spec: the spec document, its operation model, and the one way every workspace reads
// tokens, masks secrets and checks values against the spec.
export {
  coerceFormValue,
  encodeFormValue,
  type FieldKind,
  type FieldTypeFacts,
  type FormEntry,
  type FormFieldType,
  type FormMediaType,
  type FormValue,
  FormValueError,
  fieldTypeFacts,
  formBody,
  isFileSchema,
  type ScalarKind,
  type ScalarType,
} from "./form-fields.ts";
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
  type InputNames,
  loadApiModel,
  type ModelSource,
  type OperationModel,
  type RequestModel,
  type ResponseModel,
  type SecuritySchemeModel,
  serverUrlAtDefaults,
  type TokenFieldModel,
} from "./model.ts";
export {
  bearerCredentialName,
  ENV_PREFIX,
  fieldEnvVar,
  fieldFlag,
  fieldStdinFlag,
} from "./names.ts";
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
export { responseForStatus } from "./status.ts";
export { type IssuedToken, type TokenChain, tokenChain } from "./token-chain.ts";
export {
  createSpecValidator,
  escapePointer,
  responseSchemaPointer,
  type SpecValidator,
} from "./validate.ts";
