// Generates the operation's `x-codeSamples` from the spec: method, URL, form fields and their
// example values all come from the document, so a spec edit changes every sample at the next build.

import {
  type JsonSchema,
  type OpenApiDocument,
  type Operation,
  resolveRef,
} from "@klearstack/spec";
import { type HarRequest, HTTPSnippet } from "@readme/httpsnippet";

export interface CodeSample {
  lang: string;
  label: string;
  source: string;
}

const multipart = "multipart/form-data";
const urlencoded = "application/x-www-form-urlencoded";

/**
 * The tabs, in display order. `label` is also the tab's key in Redoc 3, so each one must be listed
 * under `openapi.codeSamples.languages` in redocly.yaml (the build checks it). The encodings follow
 * the vendor's pages: curl shows both, XHR sends FormData, the rest send urlencoded fields, which
 * httpsnippet renders as readable code instead of a hand-assembled multipart body.
 */
export const httpSampleKinds = [
  {
    label: "curl (multipart)",
    lang: "curl",
    target: "shell",
    client: "curl",
    mediaType: multipart,
  },
  {
    label: "curl (urlencoded)",
    lang: "curl",
    target: "shell",
    client: "curl",
    mediaType: urlencoded,
  },
  {
    label: "Python (requests)",
    lang: "Python",
    target: "python",
    client: "requests",
    mediaType: urlencoded,
  },
  { label: "Java (OkHttp)", lang: "Java", target: "java", client: "okhttp", mediaType: urlencoded },
  {
    label: "Node.js (axios)",
    lang: "Node.js",
    target: "node",
    client: "axios",
    mediaType: urlencoded,
  },
  // cors: false — the call needs no cookies, so the browser must not send credentials either.
  {
    label: "JavaScript (XHR)",
    lang: "JavaScript",
    target: "javascript",
    client: "xhr",
    mediaType: multipart,
    options: { cors: false },
  },
] as const;

export const clientSampleLabel = "TypeScript (@klearstack/client)";

export type SampleLabel = (typeof httpSampleKinds)[number]["label"] | typeof clientSampleLabel;

export interface OperationRef {
  path: string;
  method: string;
  operation: Operation;
}

/** Every operation in the document, in document order. */
export function operationsOf(spec: OpenApiDocument): OperationRef[] {
  return Object.entries(spec.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ path, method, operation })),
  );
}

/** The URL samples call by default: the first server, which the spec declares as the local mock. */
export function defaultServerUrl(spec: OpenApiDocument): string {
  const url = spec.servers?.[0]?.url;
  if (!url || url.includes("{")) {
    throw new Error("spec.servers[0] must be a concrete URL (the local mock) for the code samples");
  }
  return url;
}

export function codeSamplesFor(
  spec: OpenApiDocument,
  { path, method, operation }: OperationRef,
  serverUrl: string,
): CodeSample[] {
  const url = `${serverUrl.replace(/\/+$/, "")}${path}`;
  const fields = exampleFormFields(spec, operation);
  const http = httpSampleKinds.map((kind) => {
    if (!operation.requestBody.content[kind.mediaType]) {
      throw new Error(
        `${operation.operationId}: the spec offers no ${kind.mediaType} body for ${kind.label}`,
      );
    }
    const request = harRequest(method, url, kind.mediaType, fields);
    // A fresh HTTPSnippet per conversion: an instance's prepared request is not reusable.
    const [source] = new HTTPSnippet(request).convert(
      kind.target,
      kind.client,
      "options" in kind ? kind.options : undefined,
    );
    if (typeof source !== "string")
      throw new Error(`httpsnippet produced nothing for ${kind.label}`);
    const code = kind.target === "java" ? javaProgram(operation.operationId, source) : source;
    return { lang: kind.lang, label: kind.label, source: `${code.trimEnd()}\n` };
  });
  return [...http, clientSample(operation.operationId, serverUrl, fields)];
}

export interface FormField {
  name: string;
  value: string;
}

/** The request's form fields with the first example each property's schema gives. */
export function exampleFormFields(spec: OpenApiDocument, operation: Operation): FormField[] {
  const [first] = Object.values(operation.requestBody.content);
  if (!first) throw new Error(`${operation.operationId}: request body has no media type`);
  const schema = resolveRef(spec, first.schema);
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties).map(([name, property]) => {
    const resolved = resolveRef(spec, property);
    const [example] = (resolved.examples as unknown[] | undefined) ?? [];
    if (typeof example !== "string") {
      throw new Error(`${operation.operationId}: property ${name} needs a string example`);
    }
    return { name, value: example };
  });
}

function harRequest(
  method: string,
  url: string,
  mediaType: string,
  fields: FormField[],
): HarRequest {
  return {
    method: method.toUpperCase(),
    url,
    httpVersion: "HTTP/1.1",
    cookies: [],
    // No content-type header for multipart: the client library must write its own, with the boundary.
    headers: mediaType === multipart ? [] : [{ name: "content-type", value: mediaType }],
    queryString: [],
    headersSize: -1,
    bodySize: -1,
    postData: { mimeType: mediaType, params: fields },
  };
}

/** httpsnippet's OkHttp output is a statement list; wrap it so it compiles and prints the body. */
function javaProgram(operationId: string, statements: string): string {
  const className = operationId.charAt(0).toUpperCase() + operationId.slice(1);
  const body = statements
    .trimEnd()
    .split("\n")
    .map((line) => (line ? `    ${line}` : line))
    .join("\n");
  return [
    "import okhttp3.*;",
    "",
    `public class ${className} {`,
    "  public static void main(String[] args) throws java.io.IOException {",
    body,
    "    System.out.println(response.body().string());",
    "  }",
    "}",
  ].join("\n");
}

/** The same call through our typed client: method name from the operationId, fields from the spec. */
function clientSample(operationId: string, serverUrl: string, fields: FormField[]): CodeSample {
  const args = fields.map(({ name, value }) => `  ${name}: ${JSON.stringify(value)},`).join("\n");
  const source = [
    'import { createKlearStackClient } from "@klearstack/client";',
    "",
    `const client = createKlearStackClient({ baseUrl: ${JSON.stringify(serverUrl)} });`,
    "",
    `const tokens = await client.${operationId}({`,
    args,
    "});",
    "console.log(tokens);",
    "",
  ].join("\n");
  return { lang: "TypeScript", label: clientSampleLabel, source };
}
