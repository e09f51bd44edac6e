// What the mock must do beyond Prism, for each operation, read from the operation model rather than
// written here: which form fields are required, which documented example answers each missing one
// (`missingParameters`), how to check the fields and the tokens the request presents, and how to
// mint the tokens each response hands out.
import type { OperationModel, SpecValidator } from "@klearstack/spec";
import { type CredentialRules, credentialRules } from "./credentials.ts";
import { type Lifetimes, planTokens, type TokenPlan } from "./tokens.ts";

export interface MissingAnswer {
  code: number;
  mediaType: string;
  exampleKey: string;
}

export interface OperationRules {
  /** Request media types the operation accepts, lower-case, without parameters. */
  mediaTypes: string[];
  /** Required form fields, in the schema's order: the first missing one is the one reported. */
  required: string[];
  /** Fields whose values may be copied into token claims: every field but the secrets. */
  publicFields: Set<string>;
  /** Documented answer for each missing or empty required field. */
  missing: Map<string, MissingAnswer>;
  /** Schema check of the parsed fields (the spec's own schema, through createSpecValidator). */
  validate(mediaType: string, fields: Record<string, string>): string[];
  /** Documented numeric status codes, and the example keys each one has (for `Prefer`). */
  examples: Map<number, string[]>;
  /** Per status code, how to mint the tokens of its body. */
  tokens: Map<number, TokenPlan[]>;
  credentials: CredentialRules;
}

export function deriveRules(
  operation: OperationModel,
  /** createSpecValidator over the same model. */
  validator: SpecValidator,
  lifetimes: Lifetimes,
): OperationRules {
  const request = operation.request;
  const pointers = new Map(
    (request?.mediaTypes ?? []).map((mt) => [mt.toLowerCase(), request?.schemaPointer(mt) ?? ""]),
  );
  const missing = new Map<string, MissingAnswer>();
  for (const { field, status, mediaType } of operation.missingParameters) {
    const exampleKey = operation
      .response(status)
      ?.contents.find((c) => c.mediaType === mediaType)
      ?.examples.find((e) => e.missingParameter === field)?.name;
    if (exampleKey !== undefined && !missing.has(field) && /^\d{3}$/.test(status)) {
      missing.set(field, { code: Number(status), mediaType, exampleKey });
    }
  }
  const numeric = operation.responses.filter((r) => /^\d{3}$/.test(r.status));
  return {
    mediaTypes: [...pointers.keys()],
    required: operation.fields.filter((f) => f.required).map((f) => f.name),
    publicFields: new Set(operation.fields.filter((f) => !f.secret).map((f) => f.name)),
    missing,
    validate(mediaType, fields) {
      const pointer = pointers.get(mediaType);
      return pointer === undefined ? [] : validator(pointer, fields);
    },
    examples: new Map(
      numeric.map((r) => [
        Number(r.status),
        r.contents.flatMap((c) => c.examples.map((e) => e.name)),
      ]),
    ),
    tokens: new Map(numeric.map((r) => [Number(r.status), planTokens(r, lifetimes)])),
    credentials: credentialRules(operation),
  };
}
