// The named checks of one operation, planned from the model alone: for every request encoding, a
// valid request gets the documented success; a bearer operation without its token gets 401; each
// documented missing parameter, left out or sent empty, gets the documented error text. A check
// is data plus a request builder, so the runner (and, later, a fuzzer) can send any of them.
import {
  coerceFormValue,
  encodeFormValue,
  type FormFieldType,
  type FormValue,
  type OperationModel,
  type TokenFieldModel,
} from "@klearstack/spec";
import type { WireRequest, WireValue } from "./send.ts";

/**
 * A request without credentials on a bearer-protected operation is answered 401 (RFC 6750 §3.1,
 * RFC 9110 §15.5.2): HTTP's meaning, not a fact of this spec.
 */
export const UNAUTHENTICATED_STATUS = "401";

/** What a conforming answer looks like. */
export interface Expectation {
  /** As the spec writes it: "200", "500", or a range like "5XX". */
  status: string;
  /** The documented body's media type; undefined when the spec documents no body. */
  mediaType: string | undefined;
  /** The body's schema, a pointer into the model's resolved document. */
  schemaPointer?: string;
  /** The exact documented text (the missing-parameter answers). */
  text?: string;
  /** JWT-valued properties of the body: decoded, each must fit its schema and lifetime. */
  tokens: TokenFieldModel[];
}

/**
 * The values a valid request of the operation carries, resolved by the chain: typed as the schema
 * types them (a number, a list, a file), encoded per request encoding by the model's rule.
 */
export interface ValidInputs {
  fields: Record<string, FormValue>;
  bearer: string | undefined;
}

function fitsKind(field: FormFieldType, text: string): boolean {
  try {
    coerceFormValue(field, text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The fields as `mediaType` sends them (`encodeFormValue`: an array as repeated keys, a boolean as
 * "true"/"false", a file as a file part). A file only multipart can carry is left out elsewhere.
 */
export function wireFields(
  op: OperationModel,
  fields: Record<string, FormValue>,
  mediaType: string | undefined,
): Record<string, WireValue | WireValue[]> {
  const wire: Record<string, WireValue | WireValue[]> = {};
  for (const [name, value] of Object.entries(fields)) {
    const field = op.fields.find((f) => f.name === name);
    // An empty value is sent as it is: the "<field> empty" checks send one of any kind.
    if (!field || value === "") wire[name] = value as string;
    else if (field.kind === "file" && mediaType !== "multipart/form-data") continue;
    // A text the user gave that is not of the field's kind goes as it is: the server judges it.
    else if (typeof value === "string" && !fitsKind(field, value)) wire[name] = value;
    else {
      const values = encodeFormValue(field, value, mediaType ?? "").map(([, v]) => v);
      wire[name] = field.kind === "array" ? values : (values[0] ?? "");
    }
  }
  return wire;
}

export interface Check {
  /** Stable id of what is checked ("valid-request", "missing-field", …). */
  kind: "valid-request" | "no-bearer" | "missing-field" | "empty-field";
  /** What the table shows, e.g. "password missing → 500". */
  name: string;
  operation: OperationModel;
  /** The request encoding; undefined for an operation without a request body. */
  mediaType: string | undefined;
  expect: Expectation;
  /** Builds the request from the operation's valid inputs. */
  request(valid: ValidInputs): WireRequest;
}

export function planChecks(op: OperationModel): Check[] {
  const checks: Check[] = [];
  const encodings = op.request?.mediaTypes.length ? op.request.mediaTypes : [undefined];
  const unauthenticated = op.response(UNAUTHENTICATED_STATUS)?.body;
  // One check per documented field, even if several responses document it.
  const missing = op.missingParameters.filter(
    (m, i, all) => all.findIndex((other) => other.field === m.field) === i,
  );
  for (const mediaType of encodings) {
    const wire = (
      valid: ValidInputs,
      change: Partial<Omit<WireRequest, "fields">> & { fields?: Record<string, FormValue> },
      expect: Expectation,
    ): WireRequest => ({
      method: op.method,
      path: op.path,
      mediaType,
      bearer: valid.bearer,
      ...(expect.mediaType ? { accept: expect.mediaType } : {}),
      ...change,
      fields: wireFields(op, change.fields ?? valid.fields, mediaType),
    });
    const base = { operation: op, mediaType };
    const success = op.success;
    if (success) {
      const expect: Expectation = {
        status: success.status,
        mediaType: success.body?.mediaType,
        tokens: success.body?.tokens ?? [],
        ...(success.body ? { schemaPointer: success.body.schemaPointer } : {}),
      };
      checks.push({
        ...base,
        kind: "valid-request",
        name: `valid request → ${success.status}`,
        expect,
        request: (valid) => wire(valid, {}, expect),
      });
    }
    if (op.bearer) {
      const expect: Expectation = {
        status: UNAUTHENTICATED_STATUS,
        mediaType: unauthenticated?.mediaType,
        tokens: [],
        ...(unauthenticated ? { schemaPointer: unauthenticated.schemaPointer } : {}),
      };
      checks.push({
        ...base,
        kind: "no-bearer",
        name: `no Authorization header → ${UNAUTHENTICATED_STATUS}`,
        expect,
        request: (valid) => wire(valid, { bearer: undefined }, expect),
      });
    }
    for (const { field, status, mediaType: type, text } of missing) {
      const expect: Expectation = { status, mediaType: type, text, tokens: [] };
      checks.push({
        ...base,
        kind: "missing-field",
        name: `${field} missing → ${status}`,
        expect,
        request: (valid) => {
          const { [field]: _, ...without } = valid.fields;
          return wire(valid, { fields: without }, expect);
        },
      });
      checks.push({
        ...base,
        kind: "empty-field",
        name: `${field} empty → ${status}`,
        expect,
        request: (valid) => wire(valid, { fields: { ...valid.fields, [field]: "" } }, expect),
      });
    }
  }
  return checks;
}
