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

/**
 * Sends `valueFor(field)` for every form field (fields it answers undefined for are left out), and
 * lets the runtime write a multipart Content-Type: only it knows the boundary, so the converter's
 * hand-set `multipart/form-data` header would break the request.
 */
export function withFieldValues(
  request: PostmanRequest,
  valueFor: (field: string) => string | undefined,
): PostmanRequest {
  const copy = structuredClone(request);
  if (copy.body) {
    copy.body[copy.body.mode] = formFields(copy).flatMap((field) => {
      const value = valueFor(field.key);
      return value === undefined ? [] : [{ ...field, value }];
    });
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
