// What the spec documents for the token operation, read from the spec (never restated), and an
// Ajv 2020-12 check of a response body against the spec's own schema for it.

import { tokenPath } from "@klearstack/client";
import { createSpecValidator, loadSpec, responseSchemaPointer } from "@klearstack/spec";

export const spec = loadSpec();
const operation = spec.paths[tokenPath]?.post;
if (!operation) throw new Error(`spec has no POST ${tokenPath}`);

const errorExamples = Object.values(
  operation.responses["500"]?.content["text/plain"]?.examples ?? {},
);

/** The documented 500 text for a missing field (its example's `x-missing-parameter`). */
export function documentedMissingText(field: string): string {
  const example = errorExamples.find((ex) => ex["x-missing-parameter"] === field);
  if (!example) throw new Error(`spec documents no 500 example for missing ${field}`);
  return String(example.value);
}

export const documentedErrorTexts = errorExamples.map((ex) => String(ex.value));

const validate = createSpecValidator(spec);

/** Ajv's complaints about `body` as the `status` response in `mediaType`; [] when it is valid. */
export function responseErrors(status: number, mediaType: string, body: unknown): string[] {
  return validate(responseSchemaPointer(tokenPath, "post", status, mediaType), body);
}
