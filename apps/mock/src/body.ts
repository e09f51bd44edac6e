// Reading and parsing a form body. Parsing is the platform's (undici's Request.formData()), so
// urlencoded and multipart follow the Fetch standard instead of a hand-written parser.
import type { IncomingMessage } from "node:http";

/** Larger bodies get 413: the documented fields fit in far less. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

export type BodyRead = { ok: true; bytes: Buffer } | { ok: false; tooLarge: true };

/**
 * Reads the whole body, keeping at most BODY_LIMIT_BYTES. An oversized body is still drained to
 * its end, so the client finishes sending and reads our 413 instead of a reset connection.
 */
export function readBody(req: IncomingMessage): Promise<BodyRead> {
  const declared = Number(req.headers["content-length"] ?? 0);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = declared > BODY_LIMIT_BYTES;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT_BYTES) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    req.on("end", () =>
      resolve(
        tooLarge ? { ok: false, tooLarge } : { ok: true, bytes: Buffer.concat(chunks, size) },
      ),
    );
    req.on("error", reject);
  });
}

/** Every value sent under one name, in order: text, or a file (a multipart part with a filename). */
export type FormValues = Record<string, (string | File)[]>;

export type FormParse =
  | { ok: true; fields: Record<string, string>; values: FormValues }
  | { ok: false; reason: string };

/**
 * Form fields by name: `fields` holds the first text value of each (like URLSearchParams.get),
 * `values` every value, files included, for the fields the schema types (rules.ts coerces them).
 */
export async function parseForm(contentType: string, bytes: Buffer): Promise<FormParse> {
  let form: Iterable<[string, FormDataEntryValue]>;
  try {
    // For urlencoded, Request.formData() *is* URLSearchParams over the UTF-8 body (Fetch
    // standard); calling it directly skips building a Request for every call.
    if (/^application\/x-www-form-urlencoded\s*(;|$)/i.test(contentType)) {
      form = new URLSearchParams(bytes.toString("utf8"));
    } else {
      const request = new Request("http://mock.invalid/", {
        method: "POST",
        headers: { "content-type": contentType },
        // Buffer.concat allocates a plain ArrayBuffer; the DOM typing only wants that spelled out.
        body: bytes as Uint8Array<ArrayBuffer>,
      });
      form = await request.formData();
    }
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  // No prototype: a field named __proto__ is just a field.
  const fields: Record<string, string> = Object.create(null);
  const values: FormValues = Object.create(null);
  for (const [name, value] of form) {
    if (typeof value === "string" && !Object.hasOwn(fields, name)) fields[name] = value;
    values[name] = [...(values[name] ?? []), value];
  }
  return { ok: true, fields, values };
}

export type FormRead =
  | { ok: true; fields: Record<string, string>; values: FormValues; mediaType: string }
  | { ok: false; status: number; text: string; note: string };

/**
 * The request's form fields. A request without a body is a form without fields; any other body
 * must be one of `mediaTypes` (lower-case) and parse as one. An operation that documents no
 * request body reads no fields, whatever is sent.
 */
export async function readForm(req: IncomingMessage, mediaTypes: string[]): Promise<FormRead> {
  const body = await readBody(req);
  if (!body.ok) {
    return {
      ok: false,
      status: 413,
      text: "Payload Too Large: the body exceeds 1 MiB.",
      note: "body too large",
    };
  }
  const header = req.headers["content-type"] ?? "";
  const mediaType = header.split(";")[0]?.trim().toLowerCase() ?? "";
  if ((body.bytes.length === 0 && mediaType === "") || mediaTypes.length === 0) {
    return { ok: true, fields: Object.create(null), values: Object.create(null), mediaType };
  }
  if (!mediaTypes.includes(mediaType)) {
    return {
      ok: false,
      status: 415,
      text: `Unsupported Media Type: send ${mediaTypes.join(" or ")}.`,
      note: "unsupported media type",
    };
  }
  const form = await parseForm(header, body.bytes);
  if (!form.ok) {
    return {
      ok: false,
      status: 400,
      text: `Bad Request: the ${mediaType} body cannot be parsed.`,
      note: "malformed body",
    };
  }
  return { ok: true, fields: form.fields, values: form.values, mediaType };
}
