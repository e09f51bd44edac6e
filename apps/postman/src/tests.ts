// Postman test scripts generated from the operation model: each request checks the status, the
// media type and the body the spec documents for it (no body checks where it documents none), and
// a success that issues tokens stores them for the requests after it. Values are embedded with
// JSON.stringify, never spliced. No script prints a response value: failure messages name the
// broken rule, and quoted text has anything JWT-shaped masked first.
const s = JSON.stringify;

const header = [
  "// Generated from spec/openapi.yaml by apps/postman (npm run build). Do not edit by hand.",
];

/** The names of the generated assertions, as newman reports them. */
export const testNames = {
  status: (status: number | string) => `status is ${status}`,
  contentType: (mediaType: string) => `Content-Type is ${mediaType}`,
  schema: (status: number | string) => `body matches the spec's ${status} schema`,
  claims: (field: string) => `${field} decodes to its documented claims`,
  text: (text: string) => `body is the documented text: ${text}`,
};

/** Anything shaped like a compact JWS (three base64url parts), as a JS regex literal. */
const jwtPattern = "/[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}/g";

function statusTest(status: number): string[] {
  return [
    `pm.test(${s(testNames.status(status))}, function () {`,
    `  pm.response.to.have.status(${status});`,
    "});",
  ];
}

function contentTypeTest(mediaType: string): string[] {
  return [
    `pm.test(${s(testNames.contentType(mediaType))}, function () {`,
    '  var type = (pm.response.headers.get("Content-Type") || "").split(";")[0].trim();',
    `  pm.expect(type.toLowerCase(), "Content-Type").to.equal(${s(mediaType)});`,
    "});",
  ];
}

/** The body parsed once; `undefined` when it is not JSON (a parse error would quote the body). */
const parseBody = [
  "var body;",
  "try { body = JSON.parse(pm.response.text()); } catch (e) { body = undefined; }",
];

/** A JSON body against the response schema the model resolved (Postman's Ajv cannot follow $refs). */
function schemaTest(status: number, schema: unknown): string[] {
  return [
    `pm.test(${s(testNames.schema(status))}, function () {`,
    '  pm.expect(body !== undefined, "the body is JSON").to.equal(true);',
    `  pm.expect(body).to.have.jsonSchema(${s(schema)});`,
    "});",
  ];
}

/** JWT fields decode (not verify: the key is the server's) to their documented header and claims. */
function claimsTest(field: string, decodedSchema: unknown): string[] {
  return [
    `pm.test(${s(testNames.claims(field))}, function () {`,
    `  var parts = String((body || {})[${s(field)}]).split(".");`,
    '  pm.expect(parts.length, "dot-separated JWT parts").to.equal(3);',
    "  var decoded = { header: decodeJwtPart(parts[0]), claims: decodeJwtPart(parts[1]) };",
    `  pm.expect(decoded).to.have.jsonSchema(${s(decodedSchema)});`,
    "});",
  ];
}

const decodeJwtPart = [
  "function decodeJwtPart(part) {",
  '  var base64 = part.replace(/-/g, "+").replace(/_/g, "/");',
  '  while (base64.length % 4) base64 += "=";',
  '  try { return JSON.parse(require("atob")(base64)); } catch (e) { return undefined; }',
  "}",
];

/** Stores each issued token in its collection variable, for the requests that run after this one. */
function storeTokens(status: number, tokens: { field: string; variable: string }[]): string[] {
  if (tokens.length === 0) return [];
  return [
    "// Chaining: later requests send these tokens (bearer auth, token fields).",
    `if (pm.response.code === ${status} && body) {`,
    ...tokens.flatMap(({ field, variable }) => [
      `  if (typeof body[${s(field)}] === "string")`,
      `    pm.collectionVariables.set(${s(variable)}, body[${s(field)}]);`,
    ]),
    "}",
  ];
}

export interface SuccessScript {
  status: number;
  /** Absent when the spec documents no body for the success. */
  body?: {
    mediaType: string;
    /** The resolved schema, for a JSON body. */
    schema?: unknown;
    tokens: { field: string; decodedSchema?: unknown }[];
  };
  /** Issued tokens to keep, each in its collection variable. */
  store: { field: string; variable: string }[];
}

/** The success: status, media type, the JSON body against its schema, JWTs against their claims. */
export function successTests({ status, body, store }: SuccessScript): string[] {
  const json = body?.schema !== undefined;
  const claims = (body?.tokens ?? []).filter((t) => t.decodedSchema !== undefined);
  return [
    ...header,
    ...statusTest(status),
    ...(body ? contentTypeTest(body.mediaType) : []),
    ...(json || store.length > 0 ? parseBody : []),
    ...(json ? schemaTest(status, body?.schema) : []),
    ...(claims.length > 0 ? decodeJwtPart : []),
    ...claims.flatMap((t) => claimsTest(t.field, t.decodedSchema)),
    ...storeTokens(status, store),
  ];
}

/** A documented error with a text body: status, media type, and the exact text the spec documents. */
export function errorTests(status: number, mediaType: string, text: string): string[] {
  return [
    ...header,
    ...statusTest(status),
    ...contentTypeTest(mediaType),
    `pm.test(${s(testNames.text(text))}, function () {`,
    "  // A failure message quotes the body: tokens in it are masked first.",
    `  var text = pm.response.text().replace(${jwtPattern}, "<token>");`,
    `  pm.expect(text).to.equal(${s(text)});`,
    "});",
  ];
}

/** A documented answer checked by status (and media type and schema when it documents a body). */
export function statusTests(
  status: number,
  body?: { mediaType: string; schema?: unknown },
): string[] {
  return [
    ...header,
    ...statusTest(status),
    ...(body ? contentTypeTest(body.mediaType) : []),
    ...(body?.schema !== undefined ? [...parseBody, ...schemaTest(status, body.schema)] : []),
  ];
}
