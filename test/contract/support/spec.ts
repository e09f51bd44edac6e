// What the spec documents for the token operation, read from the spec (never restated), and an
// Ajv 2020-12 check of a response body against the spec's own schema for it.

import { tokenPath } from "@klearstack/client";
import { loadSpec } from "@klearstack/spec";
import { Ajv2020 } from "ajv/dist/2020.js";

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

const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema(spec, "spec");
const escapePointer = (part: string) => part.replaceAll("~", "~0").replaceAll("/", "~1");

/** Ajv's complaints about `body` as the `status` response in `mediaType`; [] when it is valid. */
export function responseErrors(status: number, mediaType: string, body: unknown): string[] {
  const pointer = `/paths/${escapePointer(tokenPath)}/post/responses/${status}/content/${escapePointer(mediaType)}/schema`;
  const check = ajv.compile({ $ref: `spec#${pointer}` });
  return check(body)
    ? []
    : (check.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`);
}
