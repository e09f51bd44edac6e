// The request body in either media type the spec accepts. openapi-fetch would send JSON (with a
// JSON content type) by default, so each encoding brings its own serializer and header.
import { type TokenRequest, tokenRequestFields, urlencodedMediaType } from "./api.ts";

export type Encoding = "urlencoded" | "multipart";

export interface EncodedBody {
  bodySerializer: (body: TokenRequest) => URLSearchParams | FormData;
  /** Multipart sets none: the platform writes `multipart/form-data; boundary=...` itself. */
  headers: Record<string, string>;
}

const fieldNames = Object.keys(tokenRequestFields) as (keyof TokenRequest)[];

/**
 * Only the spec's fields, in the spec's order: stray properties of the caller's object stay home.
 * An absent field is left out rather than sent as "undefined" (raw callers may omit one on purpose).
 */
function formFields(body: TokenRequest): [string, string][] {
  const fields: [string, string][] = [];
  for (const name of fieldNames) if (body[name] !== undefined) fields.push([name, body[name]]);
  return fields;
}

export const encodings: Readonly<Record<Encoding, EncodedBody>> = {
  urlencoded: {
    bodySerializer: (body) => new URLSearchParams(formFields(body)),
    headers: { "Content-Type": urlencodedMediaType },
  },
  multipart: {
    bodySerializer: (body) => {
      const form = new FormData();
      for (const [name, value] of formFields(body)) form.append(name, value);
      return form;
    },
    headers: {},
  },
};
