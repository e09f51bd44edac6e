// Form bodies in the two media types the spec's operations accept. openapi-fetch sends JSON (with
// a JSON content type) unless told otherwise, so each encoding brings its serializer and header.

export type Encoding = "urlencoded" | "multipart";

/** The media type each encoding sends, as the spec lists it under `requestBody.content`. */
export const mediaTypes: Readonly<Record<Encoding, string>> = {
  urlencoded: "application/x-www-form-urlencoded",
  multipart: "multipart/form-data",
};

export interface EncodedBody {
  bodySerializer: (body: Record<string, unknown>) => URLSearchParams | FormData;
  /** Multipart sets none: the platform writes `multipart/form-data; boundary=...` itself. */
  headers: Record<string, string>;
}

/**
 * The serializers send every property of `body` as a form field, in its order (the client passes
 * only the operation's fields, absent optional ones left out).
 */
export const encodings: Readonly<Record<Encoding, EncodedBody>> = {
  urlencoded: {
    bodySerializer: (body) => new URLSearchParams(body as Record<string, string>),
    headers: { "Content-Type": mediaTypes.urlencoded },
  },
  multipart: {
    bodySerializer: (body) => {
      const form = new FormData();
      for (const [name, value] of Object.entries(body)) form.append(name, `${value}`);
      return form;
    },
    headers: {},
  },
};
