// What the spec documents for the token operation, through @klearstack/spec's tokenOperation()
// (never restated), and an Ajv 2020-12 check of a response body against the spec's own schema.
import type { TokenRequest } from "@klearstack/client";
import { createSpecValidator, responseSchemaPointer, tokenOperation } from "@klearstack/spec";

export const operation = tokenOperation();

/** The spec's example request: one value per field. */
export const exampleInput = operation.exampleFields as TokenRequest;

/** The documented 500 text for a missing field (its example's `x-missing-parameter`). */
export const documentedMissingText = (field: keyof TokenRequest): string =>
  operation.missingParameterText(field);

/** Every documented 500 text. */
export const documentedErrorTexts = operation.errorTexts;

const validate = createSpecValidator();

/** Ajv's complaints about `body` as the `status` response in `mediaType`; [] when it is valid. */
export function responseErrors(status: number, mediaType: string, body: unknown): string[] {
  return validate(responseSchemaPointer(operation.path, "post", status, mediaType), body);
}
