// The cases fuzzing sends to one operation, as fast-check arbitraries planned from the model alone:
// valid inputs generated from the request schema in every encoding, each required field missing or
// empty, no body, no or an invalid bearer token, and requests the spec documents nothing about
// (another method, another media type, a value its schema refuses). A case is data: its secrets
// and tokens are references, filled in when it is sent and printed as environment variables, so
// the same seed gives the same cases whatever tokens the deployment hands out.
import type { FieldModel, OperationModel } from "@klearstack/spec";
import fc, { type Arbitrary } from "fast-check";
import type { GivenValues } from "../inputs.ts";
import { canEncode } from "../send.ts";
import { arbitraryFor, asFormValue, violationsOf } from "./arbitraries.ts";

/** A field's value in a case: generated text, or a reference filled in when the case is sent. */
export type FieldValue =
  | { kind: "literal"; value: string }
  /** A file part (multipart only): its media type and bytes. */
  | { kind: "file"; type: string; bytes: readonly number[] }
  /** A secret field: the user's value, else the spec's example. */
  | { kind: "secret" }
  /** A JWT field: the user's value, else the latest token of its type the run received. */
  | { kind: "token" };

/** The `Authorization` a case sends: the chained bearer token, none, or one that must not pass. */
export type AuthCase =
  | { kind: "valid" }
  | { kind: "none" }
  /** The valid token with characters appended to its signature. */
  | { kind: "tampered"; suffix: string; label: string }
  /** The valid token with its signature cut off ("alg: none" style). */
  | { kind: "unsigned"; label: string }
  /** A token of another type the run received (a refresh token where an access token belongs). */
  | { kind: "other-token"; tokenType: string; label: string }
  /** `Bearer` and nothing after it. */
  | { kind: "empty"; label: string };

/** What the spec says the answer is. */
export type Expectation =
  | { kind: "success" }
  /** One of these documented status and text pairs (a missing or empty field, no body). */
  | { kind: "rejection"; documented: { status: string; text: string }[] }
  /** 401: missing or invalid credentials. */
  | { kind: "unauthenticated" }
  /** The spec documents nothing for this request. */
  | { kind: "undocumented" };

export interface FuzzCase {
  /** What kind of case, for the reports, e.g. "company_name empty". */
  label: string;
  method: string;
  /** The body's encoding; undefined sends no body. */
  mediaType: string | undefined;
  /** A Content-Type claimed instead of the encoding's own. */
  contentType?: string;
  /** The fields sent, in schema order; a field left out is not sent. */
  fields: [string, FieldValue][];
  auth: AuthCase;
  expect: Expectation;
}

export interface CaseKind {
  /** Stable within the operation (it seeds the kind's generator), e.g. "positive x-www-form-urlencoded". */
  id: string;
  arbitrary: Arbitrary<FuzzCase>;
  /** The kind generates one case only (no body, nothing to vary). */
  single: boolean;
}

export interface CaseContext {
  given: GivenValues;
  /** A token type the run receives that the bearer scheme does not take, if any. */
  otherTokenType: string | undefined;
  /** Methods the operation's path documents (another one is "wrong"). */
  pathMethods: string[];
}

/** Methods a client may send by mistake; a documented one is left out. */
const OTHER_METHODS = ["GET", "PUT", "PATCH", "DELETE"];
/** Media types a client may send by mistake; a documented one is left out. */
const OTHER_MEDIA_TYPES = ["application/json", "text/plain"];
const BASE64URL = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"];

/**
 * The values a field takes in a valid case: one, or one per item of an array field (sent as
 * repeated keys, the model's wire encoding; an empty array sends none).
 */
function validValue(field: FieldModel, given: GivenValues): Arbitrary<FieldValue[]> {
  if (field.jwt) return fc.constant([{ kind: "token" }]);
  // A real password is not something to fuzz (each wrong one is a failed login), and the spec
  // documents no answer to a wrong one: secrets are the user's value or the spec's example.
  if (field.secret) return fc.constant([{ kind: "secret" }]);
  // A value the user gave (their user id) is held: the deployment may know no other.
  const value = given.fields[field.name];
  if (value !== undefined) return fc.constant([{ kind: "literal", value }]);
  const literal = (v: unknown): FieldValue => ({ kind: "literal", value: asFormValue(v) });
  if (field.kind === "file") {
    const type = field.schema.contentMediaType;
    return fileBytes(field.schema).map((bytes) => [
      { kind: "file", type: typeof type === "string" ? type : "application/octet-stream", bytes },
    ]);
  }
  if (field.kind === "array") {
    return arbitraryFor(field.schema).map((list) => (list as unknown[]).map(literal));
  }
  return arbitraryFor(field.schema).map((v) => [literal(v)]);
}

/** Most bytes of a generated file: small, far within any body limit. */
const FILE_BYTES = 64;

/** A file's bytes: random, within its schema's length (bytes), each boundary length on its own. */
function fileBytes(schema: FieldModel["schema"]): Arbitrary<number[]> {
  const min = typeof schema.minLength === "number" ? schema.minLength : 0;
  const max = Math.max(
    min,
    Math.min(typeof schema.maxLength === "number" ? schema.maxLength : FILE_BYTES, FILE_BYTES),
  );
  const bytes = (minLength: number, maxLength: number) =>
    fc.uint8Array({ minLength, maxLength }).map((array) => [...array]);
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 3, arbitrary: bytes(min, max) },
    { weight: 1, arbitrary: bytes(min, min) },
    { weight: 1, arbitrary: bytes(max, max) },
  );
}

/** Valid fields: every required one, each optional one present or not. */
function validFields(op: OperationModel, given: GivenValues): Arbitrary<[string, FieldValue][]> {
  const model: Record<string, Arbitrary<FieldValue[]>> = {};
  for (const field of op.fields) model[field.name] = validValue(field, given);
  const requiredKeys = op.fields.filter((f) => f.required).map((f) => f.name);
  return fc.record(model, { requiredKeys }).map((record) =>
    op.fields.flatMap((f): [string, FieldValue][] => {
      return (record[f.name] ?? []).map((value): [string, FieldValue] => [f.name, value]);
    }),
  );
}

const shortType = (mediaType: string | undefined) =>
  mediaType === undefined ? "no body" : (mediaType.split("/")[1] ?? mediaType);

/**
 * A case as its encoding can carry it: a file part goes only in multipart, so elsewhere a file
 * field is left out; a valid case that leaves out a required file is one the spec documents no
 * answer for (the encoding cannot carry the operation's input).
 */
function fitted(op: OperationModel, fuzzCase: FuzzCase): FuzzCase {
  if (fuzzCase.mediaType === "multipart/form-data") return fuzzCase;
  const fields = fuzzCase.fields.filter(([, value]) => value.kind !== "file");
  if (fields.length === fuzzCase.fields.length) return fuzzCase;
  const sent = new Set(fields.map(([name]) => name));
  const lost = op.fields.filter((f) => f.kind === "file" && f.required && !sent.has(f.name));
  if (lost.length === 0 || fuzzCase.expect.kind !== "success") return { ...fuzzCase, fields };
  const names = lost.map((f) => f.name).join(", ");
  return {
    ...fuzzCase,
    label: `${fuzzCase.label} without the file ${names} (only multipart carries a file)`,
    fields,
    expect: { kind: "undocumented" },
  };
}

export function planCaseKinds(op: OperationModel, context: CaseContext): CaseKind[] {
  return planKinds(op, context).map((kind) => ({
    ...kind,
    arbitrary: kind.arbitrary.map((fuzzCase) => fitted(op, fuzzCase)),
  }));
}

function planKinds(op: OperationModel, context: CaseContext): CaseKind[] {
  const method = op.method.toUpperCase();
  const encodings = op.request?.mediaTypes.filter((m) => canEncode(m)) ?? [];
  const bodies = encodings.length > 0 ? encodings : [undefined];
  const valid = validFields(op, context.given);
  // The chained bearer token where the operation takes one; no Authorization elsewhere.
  const validAuth: AuthCase = op.bearer ? { kind: "valid" } : { kind: "none" };
  const kinds: CaseKind[] = [];
  const kind = (id: string, arbitrary: Arbitrary<FuzzCase>, single = false) =>
    kinds.push({ id, arbitrary, single });

  for (const mediaType of bodies) {
    kind(
      `valid inputs, ${shortType(mediaType)}`,
      valid.map((fields) => ({
        label: "valid inputs",
        method,
        mediaType,
        fields,
        auth: validAuth,
        expect: { kind: "success" },
      })),
    );
  }

  // Each required field missing or empty, in each encoding: the rejection the spec documents.
  for (const mediaType of encodings) {
    for (const field of op.fields.filter((f) => f.required)) {
      const documented = op.missingParameters
        .filter((m) => m.field === field.name)
        .map(({ status, text }) => ({ status, text }));
      kind(
        `${field.name} missing or empty, ${shortType(mediaType)}`,
        fc.tuple(fc.constantFrom("missing", "empty"), valid).map(([how, fields]) => ({
          label: `${field.name} ${how}`,
          method,
          mediaType,
          fields:
            how === "missing"
              ? fields.filter(([name]) => name !== field.name)
              : fields.map(([name, value]) =>
                  name === field.name ? [name, { kind: "literal", value: "" }] : [name, value],
                ),
          auth: validAuth,
          expect:
            documented.length > 0 ? { kind: "rejection", documented } : { kind: "undocumented" },
        })),
      );
    }
  }

  const required = op.fields.filter((f) => f.required).map((f) => f.name);
  if (op.request && required.length > 0) {
    // No body is every required field missing: any of their documented answers will do.
    const documented = op.missingParameters
      .filter((m) => required.includes(m.field))
      .map(({ status, text }) => ({ status, text }));
    kind(
      "no body",
      fc.constant<FuzzCase>({
        label: "no body",
        method,
        mediaType: undefined,
        fields: [],
        auth: validAuth,
        expect:
          documented.length > 0 ? { kind: "rejection", documented } : { kind: "undocumented" },
      }),
      true,
    );
  }

  if (op.bearer) {
    const anyBody = fc.constantFrom(...bodies);
    kind(
      "no Authorization header",
      fc.tuple(anyBody, valid).map(([mediaType, fields]) => ({
        label: "no Authorization header",
        method,
        mediaType,
        fields,
        auth: { kind: "none" },
        expect: { kind: "unauthenticated" },
      })),
    );
    const invalid: Arbitrary<AuthCase>[] = [
      fc
        .string({ unit: fc.constantFrom(...BASE64URL), minLength: 1, maxLength: 3 })
        .map((suffix) => ({
          kind: "tampered",
          suffix,
          label: "bearer token with a tampered signature",
        })),
      fc.constant({ kind: "unsigned", label: "bearer token without its signature" }),
      fc.constant({ kind: "empty", label: "empty bearer credential" }),
    ];
    const other = context.otherTokenType;
    if (other) {
      invalid.push(
        fc.constant({
          kind: "other-token",
          tokenType: other,
          label: `${other} token as the bearer`,
        }),
      );
    }
    kind(
      "invalid bearer token",
      fc.tuple(fc.oneof(...invalid), anyBody, valid).map(([auth, mediaType, fields]) => ({
        label: auth.kind === "valid" || auth.kind === "none" ? "" : auth.label,
        method,
        mediaType,
        fields,
        auth,
        expect: { kind: "unauthenticated" },
      })),
    );
  }

  const methods = OTHER_METHODS.filter((m) => !context.pathMethods.includes(m));
  if (methods.length > 0) {
    kind(
      "another method",
      fc.tuple(fc.constantFrom(...methods), valid).map(([other, fields]) => ({
        label: `method ${other}`,
        method: other,
        // fetch sends no body with GET (nor does a browser).
        mediaType: other === "GET" ? undefined : bodies[0],
        fields: other === "GET" ? [] : fields,
        auth: validAuth,
        expect: { kind: "undocumented" },
      })),
    );
  }

  const [form] = encodings.filter((m) => m === "application/x-www-form-urlencoded");
  const mediaTypes = OTHER_MEDIA_TYPES.filter((m) => !encodings.includes(m));
  if (op.request && mediaTypes.length > 0) {
    kind(
      "another media type",
      fc.tuple(fc.constantFrom(...mediaTypes), valid).map(([other, fields]) => ({
        label: `body sent as ${other}`,
        method,
        // JSON is encoded as JSON; anything else is the form's text under the other label.
        mediaType: other === "application/json" || !form ? "application/json" : form,
        ...(other === "application/json" ? {} : { contentType: other }),
        fields,
        auth: validAuth,
        expect: { kind: "undocumented" },
      })),
    );
  }

  const breakable = op.fields.flatMap((field) => {
    if (field.jwt || field.secret || context.given.fields[field.name] !== undefined) return [];
    if (field.kind === "array" || field.kind === "file") return []; // no one-text violation
    const violation = violationsOf(field.schema);
    return violation ? [violation.map((v) => ({ field: field.name, ...v }))] : [];
  });
  if (breakable.length > 0 && encodings.length > 0) {
    kind(
      "a value its schema refuses",
      fc
        .tuple(fc.oneof(...breakable), fc.constantFrom(...encodings), valid)
        .map(([violation, mediaType, fields]) => ({
          label: `${violation.field} ${violation.rule}`,
          method,
          mediaType,
          fields: fields.some(([name]) => name === violation.field)
            ? fields.map(([name, value]) =>
                name === violation.field
                  ? [name, { kind: "literal", value: violation.value }]
                  : [name, value],
              )
            : [...fields, [violation.field, { kind: "literal", value: violation.value }]],
          auth: validAuth,
          expect: { kind: "undocumented" },
        })),
    );
  }
  return kinds;
}
