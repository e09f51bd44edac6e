// What a form field's schema makes of it, and the two rules every workspace shares about its
// value: how a form string becomes the typed value the schema describes (the mock before it
// validates, the CLI for a flag, the console for an input), and how a typed value goes on the wire
// (urlencoded or multipart: arrays as repeated keys, booleans as "true"/"false", files only in
// multipart). Browser-safe and dependency-free: the docs console and the client use it as the
// Node workspaces do. Validation (enum, pattern, bounds) stays with Ajv and the spec validator.
import { schemaFacts } from "./schema-facts.ts";

type JsonSchema = Record<string, unknown>;

/** The value kinds a form can carry. */
export type ScalarKind = "string" | "integer" | "number" | "boolean";
export type FieldKind = ScalarKind | "array" | "file";

/** What the schema says about one scalar value (a field, or the items of an array field). */
export interface ScalarType {
  kind: ScalarKind;
  /** `enum` (or a `const` as a one-value enum). */
  enum: readonly (string | number | boolean)[] | undefined;
  format: string | undefined;
}

/** Enough of a field to coerce and encode its value: the model's FieldModel, or a copy of it. */
export interface FormFieldType {
  name: string;
  kind: FieldKind;
  /** For an array field: its items (their kind is all coercion and encoding need). */
  items: Pick<ScalarType, "kind"> | undefined;
  /** Never echoed in an error. */
  secret: boolean;
}

/** What a form field's value is once read: a scalar, a list of scalars, or a file. */
export type FormValue = string | number | boolean | Blob | readonly (string | number | boolean)[];

/** A form value that does not fit its field; `field` names it, the message never holds a secret. */
export class FormValueError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = "FormValueError";
    this.field = field;
  }
}

export interface FieldTypeFacts {
  kind: FieldKind;
  items: ScalarType | undefined;
  enum: ScalarType["enum"];
  format: string | undefined;
  /** `default`, as the schema types it. */
  default: unknown;
  /**
   * A string any text fits: no enum, no pattern, no format but `password` (which only asks a UI
   * to hide the value). Arbitrary text belongs only here; an enum or a uuid has values of its own.
   */
  freeText: boolean;
}

const FILE_NOT_TOKEN = "application/jwt";

/** Whether a (resolved) schema is a file: see fieldTypeFacts. For generators typing a Blob. */
export const isFileSchema = (schema: JsonSchema): boolean => {
  const facts = schemaFacts(schema);
  const media = facts.contentMediaType as string | undefined;
  return facts.format === "binary" || (media !== undefined && media !== FILE_NOT_TOKEN);
};

/**
 * A field's kind from its (resolved) schema. A file is a string with `format: binary`, or with a
 * `contentMediaType` other than `application/jwt` (the media type of token strings). Anything else
 * a form cannot carry (an object, a nested array, a union of types) is refused, naming the field.
 */
export function fieldTypeFacts(name: string, schema: JsonSchema): FieldTypeFacts {
  const facts = schemaFacts(schema);
  const kind = fieldKindOf(name, facts);
  let items: ScalarType | undefined;
  if (kind === "array") {
    const itemFacts = schemaFacts((facts.items ?? {}) as JsonSchema);
    const itemKind = fieldKindOf(`${name}[]`, itemFacts);
    if (itemKind === "array" || itemKind === "file") {
      throw new Error(`field ${name}: an array field holds scalars (strings, numbers, booleans)`);
    }
    items = scalarType(itemKind, itemFacts);
  }
  const format = facts.format as string | undefined;
  const fieldEnum = kind === "array" || kind === "file" ? undefined : enumOf(facts);
  return {
    kind,
    items,
    enum: fieldEnum,
    format,
    default: facts.default,
    freeText:
      kind === "string" &&
      fieldEnum === undefined &&
      facts.pattern === undefined &&
      (format === undefined || format === "password"),
  };
}

function fieldKindOf(name: string, facts: JsonSchema): FieldKind {
  const types = [facts.type ?? inferredType(facts)].flat().filter((t) => t !== "null");
  if (types.length > 1) {
    throw new Error(
      `field ${name}: a form field has one type, the spec allows ${types.join(", ")}`,
    );
  }
  const type = types[0] ?? "string";
  switch (type) {
    case "string":
      return isFileSchema(facts) ? "file" : "string";
    case "integer":
    case "number":
    case "boolean":
    case "array":
      return type as FieldKind;
    default:
      throw new Error(
        `field ${name}: a form carries strings, integers, numbers, booleans, arrays of those and files, not ${String(type)}`,
      );
  }
}

/** The type a `const` or an `enum` implies when the schema states none. */
function inferredType(facts: JsonSchema): string | undefined {
  const values = enumOf(facts);
  if (!values?.length) return undefined;
  const types = new Set(values.map((v) => (Number.isInteger(v) ? "integer" : typeof v)));
  return types.size === 1 ? [...types][0] : undefined;
}

function enumOf(facts: JsonSchema): ScalarType["enum"] {
  if ("const" in facts) return [facts.const as string];
  return facts.enum as ScalarType["enum"];
}

function scalarType(kind: ScalarKind, facts: JsonSchema): ScalarType {
  return { kind, enum: enumOf(facts), format: facts.format as string | undefined };
}

/**
 * A form value as the field's schema types it: "30" → 30 for an integer, "true" → true for a
 * boolean, every repeated value of an array field coerced by its items. A string or a file's text
 * stays as it is. Throws a FormValueError naming the field when the text is not of the field's type.
 */
export function coerceFormValue(field: FormFieldType, raw: string | readonly string[]): FormValue {
  const values = typeof raw === "string" ? [raw] : raw;
  if (field.kind === "array") {
    const kind = field.items?.kind ?? "string";
    return values.map((value) => coerceScalar(field, kind, value));
  }
  if (values.length !== 1) {
    throw new FormValueError(field.name, `takes one value, got ${values.length}`);
  }
  const [value] = values as [string];
  return field.kind === "file" ? value : coerceScalar(field, field.kind, value);
}

function coerceScalar(
  field: FormFieldType,
  kind: ScalarKind,
  text: string,
): string | number | boolean {
  const shown = field.secret ? "the value" : JSON.stringify(text);
  switch (kind) {
    case "string":
      return text;
    case "boolean":
      if (text === "true") return true;
      if (text === "false") return false;
      throw new FormValueError(field.name, `${shown} is not a boolean ("true" or "false")`);
    case "integer": {
      const n = /^[-+]?\d+$/.test(text) ? Number(text) : Number.NaN;
      if (Number.isSafeInteger(n)) return n;
      throw new FormValueError(field.name, `${shown} is not an integer`);
    }
    case "number": {
      const decimal = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text);
      const n = decimal ? Number(text) : Number.NaN;
      if (Number.isFinite(n)) return n;
      throw new FormValueError(field.name, `${shown} is not a number`);
    }
  }
}

export type FormMediaType = "application/x-www-form-urlencoded" | "multipart/form-data";

/** One form entry as sent: repeated names for an array, a Blob only in multipart. */
export type FormEntry = [name: string, value: string | Blob];

/**
 * The form entries that carry `value` for `field`: none for undefined, one per item for an array,
 * "true"/"false" for a boolean, the decimal text of a number, a Blob (multipart only) for a file.
 * A value may be given typed or as its form text (checked by coerceFormValue). Throws a
 * FormValueError for a value of another type, or a file in an urlencoded body.
 */
export function encodeFormValue(
  field: FormFieldType,
  value: FormValue | undefined | null,
  mediaType: string,
): FormEntry[] {
  if (value === undefined || value === null) return [];
  if (field.kind === "file") {
    if (mediaType !== "multipart/form-data") {
      throw new FormValueError(field.name, `a file is sent only as multipart/form-data`);
    }
    if (value instanceof Blob || typeof value === "string") return [[field.name, value]];
    throw new FormValueError(field.name, "a file is sent as a Blob (or its text)");
  }
  if (value instanceof Blob) {
    throw new FormValueError(field.name, `is a ${field.kind}, not a file`);
  }
  if (field.kind === "array") {
    const kind = field.items?.kind ?? "string";
    const list = Array.isArray(value) ? value : [value as string | number | boolean];
    return list.map((item) => [field.name, scalarText(field, kind, item)]);
  }
  if (Array.isArray(value)) {
    throw new FormValueError(field.name, `takes one value, got ${value.length}`);
  }
  return [[field.name, scalarText(field, field.kind, value as string | number | boolean)]];
}

function scalarText(field: FormFieldType, kind: ScalarKind, value: string | number | boolean) {
  const typed = typeof value === "string" ? coerceScalar(field, kind, value) : value;
  const expected = kind === "integer" ? "number" : kind;
  const fits =
    typeof typed === expected && (kind !== "integer" || Number.isSafeInteger(typed as number));
  if (!fits || (typeof typed === "number" && !Number.isFinite(typed))) {
    const shown = field.secret ? "the value" : JSON.stringify(value);
    throw new FormValueError(field.name, `${shown} is not ${article(kind)}`);
  }
  return String(typed);
}

const article = (kind: ScalarKind) => (kind === "integer" ? "an integer" : `a ${kind}`);

/** The body for `entries`: URLSearchParams for urlencoded, FormData for multipart. */
export function formBody(entries: FormEntry[], mediaType: string): URLSearchParams | FormData {
  if (mediaType === "multipart/form-data") {
    const form = new FormData();
    for (const [name, value] of entries) form.append(name, value);
    return form;
  }
  const params = new URLSearchParams();
  for (const [name, value] of entries) {
    if (typeof value !== "string") throw new FormValueError(name, "a file needs multipart");
    params.append(name, value);
  }
  return params;
}
