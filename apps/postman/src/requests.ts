// Edits of a converted Postman request (always on a copy): the form values the collection sends,
// the Accept header, a field left out, and who authenticates.
import type { PostmanRequest } from "./convert.ts";

export type FormField = { key: string; value: string; [key: string]: unknown };

/** Postman auth: inherit from the collection (undefined), none, or a bearer token variable. */
export type Auth = { type: "noauth" } | { type: "bearer"; bearer: Record<string, string>[] };

export const noAuth: Auth = { type: "noauth" };

export const bearerAuth = (variable: string): Auth => ({
  type: "bearer",
  bearer: [{ key: "token", value: `{{${variable}}}`, type: "string" }],
});

export function formFields(request: PostmanRequest): FormField[] {
  const body = request.body;
  return body ? ((body[body.mode] as FormField[] | undefined) ?? []) : [];
}

/** What one form entry sends: a text value, or (formdata only) a file read from `src`. */
export type FieldEntry = { value: string } | { type: "file"; src: string };

/**
 * Sends `valueFor(field)` for every form field: none (left out), one, or one per item of an
 * array (repeated keys); a file only in formdata. Lets the runtime write a multipart
 * Content-Type: only it knows the boundary, so the converter's hand-set `multipart/form-data`
 * header would break the request.
 */
export function withFieldValues(
  request: PostmanRequest,
  valueFor: (field: string) => FieldEntry[] | undefined,
): PostmanRequest {
  const copy = structuredClone(request);
  if (copy.body) {
    const formdata = copy.body.mode === "formdata";
    // The converter may list an array field once per example item: each key is filled once.
    const seen = new Set<string>();
    const firsts = formFields(copy).filter((f) => !seen.has(f.key) && seen.add(f.key));
    copy.body[copy.body.mode] = firsts.flatMap((field) =>
      (valueFor(field.key) ?? [])
        .filter((entry) => formdata || !("src" in entry))
        .map((entry) => {
          const { value: _value, src: _src, type: _type, ...rest } = field;
          return { ...rest, key: field.key, ...entry } as FormField;
        }),
    );
    if (copy.body.mode === "formdata")
      copy.header = copy.header.filter((h) => h.key.toLowerCase() !== "content-type");
  }
  return copy;
}

export function withAccept(request: PostmanRequest, mediaType: string | undefined): PostmanRequest {
  const copy = structuredClone(request);
  if (mediaType === undefined) return copy;
  copy.header = [
    ...copy.header.filter((h) => h.key.toLowerCase() !== "accept"),
    { key: "Accept", value: mediaType },
  ];
  return copy;
}

export function withoutField(request: PostmanRequest, field: string): PostmanRequest {
  const copy = structuredClone(request);
  if (copy.body) copy.body[copy.body.mode] = formFields(copy).filter((f) => f.key !== field);
  return copy;
}

/** `undefined` removes the request's own auth, so it inherits the collection's. */
export function withAuth(request: PostmanRequest, auth: Auth | undefined): PostmanRequest {
  const { auth: _converted, ...copy } = structuredClone(request);
  return auth ? { ...copy, auth } : copy;
}
