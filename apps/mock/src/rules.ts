// What the mock must do beyond Prism, for each operation, read from the operation model rather than
// written here: which form fields are required, which documented example answers each missing one
// (`missingParameters`), how to check the fields and the tokens the request presents, and how to
// mint the tokens each response hands out.
import {
  coerceFormValue,
  type FieldModel,
  FormValueError,
  type OperationModel,
  type SpecValidator,
} from "@klearstack/spec";
import type { FormValues } from "./body.ts";
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
  /**
   * Whether a field was sent with a value: the first text value of a scalar field (a repeated
   * field keeps its first, like URLSearchParams.get; a file part is no text value), every text
   * value of an array field, or a file field's first part.
   */
  present(values: FormValues, name: string): boolean;
  /**
   * The form as the schema types it (coerceFormValue of the model: "30" → 30, repeated keys → an
   * array, a file → its text for validation), or the first field whose value is not of its type.
   */
  coerce(
    values: FormValues,
  ): Promise<{ ok: true; typed: Record<string, unknown> } | { ok: false; problem: string }>;
  /** Schema check of the typed fields (the spec's own schema, through createSpecValidator). */
  validate(mediaType: string, fields: Record<string, unknown>): string[];
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
    present: (values, name) => sentValues(operation.fields, values, name).some((v) => v !== ""),
    coerce: (values) => coerceForm(operation.fields, values),
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

/** The values a field takes from the form (see `present`), as text or files. */
function sentValues(fields: FieldModel[], values: FormValues, name: string): (string | File)[] {
  const sent = values[name] ?? [];
  const kind = fields.find((f) => f.name === name)?.kind;
  if (kind === "file") return sent.slice(0, 1);
  const texts = sent.filter((value) => typeof value === "string");
  return kind === "array" ? texts : texts.slice(0, 1);
}

/** Each sent value as its field's schema types it; fields the schema does not list stay text. */
async function coerceForm(fields: FieldModel[], values: FormValues) {
  const typed: Record<string, unknown> = Object.create(null);
  for (const name of Object.keys(values)) {
    const field = fields.find((f) => f.name === name);
    const sent = sentValues(fields, values, name);
    if (!field) {
      if (sent[0] !== undefined) typed[name] = sent[0];
      continue;
    }
    if (sent.length === 0) continue;
    // A file is validated by its text (its length, for the schema's bounds); text stays text.
    const texts = await Promise.all(sent.map((v) => (typeof v === "string" ? v : v.text())));
    try {
      typed[name] = coerceFormValue(field, field.kind === "array" ? texts : (texts[0] ?? ""));
    } catch (error) {
      if (error instanceof FormValueError) return { ok: false as const, problem: error.message };
      throw error;
    }
  }
  return { ok: true as const, typed };
}
