// Test data taken from the spec itself, so no test restates what the spec says.
import { loadSpec } from "@klearstack/spec";
import type { TokenPair } from "../../src/index.ts";
import { tokenPath } from "../../src/index.ts";

const operation = loadSpec().paths[tokenPath]?.post;
if (!operation) throw new Error(`spec has no POST ${tokenPath}`);

/** The spec's 200 example: a real token pair (its tokens expired in 2022). */
export const exampleTokenPair = operation.responses["200"]?.content["application/json"]
  ?.example as TokenPair;

/** The spec's documented 500 texts, one per missing parameter. */
export const documentedErrorTexts = Object.values(
  operation.responses["500"]?.content["text/plain"]?.examples ?? {},
).map((example) => String(example.value));

export const validInput = { user_id: "26", company_name: "Acme Corporation" };
