// Test data read from the spec through @klearstack/spec's tokenOperation(), so no test restates a
// path, an example value or an error text. Only tests and the bench read the spec: runtime code
// must stay browser-safe, and knows the spec through its generated types alone.
import { tokenOperation } from "@klearstack/spec";
import { hasFields, tokenPairFields, tokenPath, tokenRequestFields } from "../../src/api.ts";
import type { TokenPair, TokenRequest } from "../../src/index.ts";

const operation = tokenOperation();
if (operation.path !== tokenPath) {
  throw new Error(`src/api.ts names ${tokenPath}, the spec ${operation.path}`);
}

/** The spec's request example: one value per field, from each property's `examples`. */
export const validInput = operation.exampleFields as TokenRequest;
if (!hasFields(validInput, tokenRequestFields)) {
  throw new Error("the spec's request example does not fit the generated TokenRequest");
}

/** The spec's required request fields, in the schema's order. */
export const requiredFields = operation.requiredFields as (keyof TokenRequest)[];

/** The spec's 200 example: a real token pair (its tokens expired in 2022). */
export const exampleTokenPair = operation.example200 as TokenPair;
if (!hasFields(exampleTokenPair, tokenPairFields)) {
  throw new Error("the spec's 200 example does not fit the generated TokenPair");
}

/** The spec's documented 500 texts, one per missing parameter. */
export const documentedErrorTexts = operation.errorTexts;

/** The documented 500 text for a missing `field`. */
export const missingParameterText = (field: keyof TokenRequest) =>
  operation.missingParameterText(field);
