// Form bodies in the two media types the spec's operations accept. openapi-fetch sends JSON (with
// a JSON content type) unless told otherwise, so each encoding brings its serializer and header.
// The entries themselves (repeated keys for an array, "true"/"false", a Blob only in multipart)
// are the spec model's encoding (encodeFormValue, bundled in).
import { formBody } from "@klearstack/spec/form-fields";

/** One form entry as sent (the spec model's FormEntry): a name, and text or a Blob. */
export type FormEntry = [name: string, value: string | Blob];

export type Encoding = "urlencoded" | "multipart";

/** The media type each encoding sends, as the spec lists it under `requestBody.content`. */
export const mediaTypes: Readonly<Record<Encoding, string>> = {
  urlencoded: "application/x-www-form-urlencoded",
  multipart: "multipart/form-data",
};

export interface EncodedBody {
  /**
   * The client passes its checked entries; a caller of `client.raw` may pass a plain object
   * (each property a field: an array as repeated keys, a Blob as a file, anything else as text).
   */
  bodySerializer: (body: FormEntry[] | Record<string, unknown>) => URLSearchParams | FormData;
  /** Multipart sets none: the platform writes `multipart/form-data; boundary=...` itself. */
  headers: Record<string, string>;
}

const entriesOf = (body: FormEntry[] | Record<string, unknown>): FormEntry[] =>
  Array.isArray(body)
    ? body
    : Object.entries(body).flatMap(([name, value]) =>
        [value].flat().map((item): FormEntry => [name, item instanceof Blob ? item : `${item}`]),
      );

/** The serializers send every entry as a form field, in order (the client's checked fields). */
export const encodings: Readonly<Record<Encoding, EncodedBody>> = {
  urlencoded: {
    bodySerializer: (body) => formBody(entriesOf(body), mediaTypes.urlencoded),
    headers: { "Content-Type": mediaTypes.urlencoded },
  },
  multipart: {
    bodySerializer: (body) => formBody(entriesOf(body), mediaTypes.multipart),
    headers: {},
  },
};
