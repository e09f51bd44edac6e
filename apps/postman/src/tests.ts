// Postman test scripts generated from the spec: each request checks the status, the media type,
// and the body the spec documents for it. Values are embedded with JSON.stringify, never spliced.
const header = [
  "// Generated from spec/openapi.yaml by apps/postman (npm run build). Do not edit by hand.",
];

/** Anything shaped like a compact JWS (three base64url parts), as a JS regex literal. */
const jwtPattern = "/[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}/g";

function statusAndType(status: number, mediaType: string): string[] {
  const s = JSON.stringify;
  return [
    `pm.test(${s(`status is ${status}`)}, function () {`,
    `  pm.response.to.have.status(${status});`,
    "});",
    `pm.test(${s(`Content-Type is ${mediaType}`)}, function () {`,
    '  var type = (pm.response.headers.get("Content-Type") || "").split(";")[0].trim();',
    `  pm.expect(type.toLowerCase(), "Content-Type").to.equal(${s(mediaType)});`,
    "});",
  ];
}

/** A success response: status, media type, and the JSON body against the response schema. */
export function successTests(status: number, mediaType: string, schema: unknown): string[] {
  return [
    ...header,
    ...statusAndType(status, mediaType),
    `var schema = ${JSON.stringify(schema)};`,
    `pm.test(${JSON.stringify(`body matches the spec's ${status} schema`)}, function () {`,
    "  pm.response.to.have.jsonSchema(schema);",
    "});",
  ];
}

/** A documented error: status, media type, and the exact text the spec documents. */
export function errorTests(status: number, mediaType: string, text: string): string[] {
  return [
    ...header,
    ...statusAndType(status, mediaType),
    `pm.test(${JSON.stringify(`body is the documented text: ${text}`)}, function () {`,
    "  // A failure message quotes the body: tokens in it are masked first.",
    `  var body = pm.response.text().replace(${jwtPattern}, "<token>");`,
    `  pm.expect(body).to.equal(${JSON.stringify(text)});`,
    "});",
  ];
}
