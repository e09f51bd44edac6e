// The six HTTP sample tabs, rendered by @readme/httpsnippet from the operation model: method, URL,
// form fields, example values and the bearer header all come from the spec. httpsnippet only knows
// literal values, so each secret goes in as a unique marker, and each language then swaps the
// string literal around the marker for code that reads the secret (sample-secrets.ts).
import type { OperationModel } from "@klearstack/spec";
import { type HarRequest, HTTPSnippet } from "@readme/httpsnippet";
import { withValues } from "./sample-literals.ts";
import { placeholderFor, type SampleSecret, secretsNote } from "./sample-secrets.ts";
import { fixRepeatedKeys, type SampleParam, sampleParams, xhrFileParts } from "./sample-values.ts";

export interface CodeSample {
  lang: string;
  label: string;
  source: string;
}

const multipart = "multipart/form-data";
const urlencoded = "application/x-www-form-urlencoded";

/** How one language reads a secret in place of a string literal. */
interface SecretReading {
  /** The line-comment marker, for the note on where secrets come from. */
  comment: string;
  /** The quote httpsnippet writes this language's strings with. */
  quote: string;
  /** Code that evaluates to the secret; `inBody` when it lands in a pre-encoded form body. */
  read(variable: string, inBody: boolean): string;
  /** `read` gives text that stays inside the string literal instead of code around it. */
  inline?: boolean;
  /** Lines the sample needs for reading secrets (imports), put after the note. */
  preamble?: string[];
}

const shell: SecretReading = {
  comment: "#",
  quote: "'",
  read: (variable) => `$${variable}`,
};

const python: SecretReading = {
  comment: "#",
  quote: '"',
  read: (variable) => `os.environ["${variable}"]`,
  preamble: ["import os"],
};
const java: SecretReading = {
  comment: "//",
  quote: '"',
  // httpsnippet writes OkHttp's urlencoded body as one pre-encoded string: encode the secret too.
  read: (variable, inBody) =>
    inBody
      ? `URLEncoder.encode(System.getenv("${variable}"), StandardCharsets.UTF_8)`
      : `System.getenv("${variable}")`,
};
const node: SecretReading = {
  comment: "//",
  quote: "'",
  read: (variable) => `process.env.${variable}`,
};
const browser: SecretReading = {
  comment: "//",
  quote: "'",
  // A page has no environment: the secret stays a placeholder inside the string.
  read: placeholderFor,
  inline: true,
};

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
  // cors: false — the calls need no cookies, so the browser must not send credentials either.
  {
    label: "JavaScript (XHR)",
    lang: "JavaScript",
    target: "javascript",
    client: "xhr",
    mediaType: multipart,
    options: { cors: false },
  },
] as const;

export type HttpSampleKind = (typeof httpSampleKinds)[number];

const readings: Record<HttpSampleKind["target"], SecretReading> = {
  shell,
  python,
  java,
  node,
  javascript: browser,
};

/** The marker httpsnippet carries in place of secret number `i` (survives URL encoding as is). */
const marker = (i: number) => `__KLEARSTACK_SECRET_${i}__`;
/** The marker in place of example value number `i`: sample-literals.ts writes the literal. */
const valueMarker = (i: number) => `__KLEARSTACK_VALUE_${i}__`;

export function httpSample(
  kind: HttpSampleKind,
  op: OperationModel,
  url: string,
  secrets: SampleSecret[],
): CodeSample {
  if (!op.request?.mediaTypes.includes(kind.mediaType)) {
    throw new Error(
      `${op.operationId}: the spec offers no ${kind.mediaType} body for ${kind.label}`,
    );
  }
  const markers = secrets.map((secret, i) => ({ secret, marker: marker(i) }));
  const secretMarker = (field: string) =>
    markers.find((m) => "field" in m.secret.fills && m.secret.fills.field === field)?.marker;
  // Every other text value goes in as a marker too; sample-literals.ts writes it as a literal.
  const values: { marker: string; value: string }[] = [];
  const literal = (value: string) => {
    const entry = { marker: valueMarker(values.length), value };
    values.push(entry);
    return entry.marker;
  };
  const params = op.fields.flatMap((f) => {
    const secret = secretMarker(f.name);
    return sampleParams(op, f, kind.mediaType, secret).map((param) =>
      "value" in param && secret === undefined ? { ...param, value: literal(param.value) } : param,
    );
  });
  const headers = markers.flatMap(({ secret, marker }) =>
    "bearer" in secret.fills ? [{ name: secret.fills.bearer, value: `Bearer ${marker}` }] : [],
  );
  const request = harRequest(op, url, kind.mediaType, headers, params);
  // A fresh HTTPSnippet per conversion: an instance's prepared request is not reusable.
  const [converted] = new HTTPSnippet(request).convert(
    kind.target,
    kind.client,
    "options" in kind ? kind.options : undefined,
  );
  if (typeof converted !== "string") throw new Error(`httpsnippet made no ${kind.label} sample`);
  let source = fixRepeatedKeys(kind.target, converted, op);
  if (kind.target === "javascript") source = xhrFileParts(source, op);
  const reading = readings[kind.target];
  source = withValues(source, kind.target, reading.quote, values);
  for (const { secret, marker } of markers) {
    const inBody = "field" in secret.fills;
    source =
      reading === shell
        ? shellReads(source, marker, reading.read(secret.variable, inBody), inBody)
        : spliceLiteral(source, marker, reading, reading.read(secret.variable, inBody));
  }
  if (kind.target === "java") source = javaProgram(op.operationId, source);
  const note = secretsNote(secrets, reading.comment, { placeholders: reading.inline });
  const preamble = secrets.length ? (reading.preamble ?? []) : [];
  return { lang: kind.lang, label: kind.label, source: [...note, ...preamble, source].join("\n") };
}

function harRequest(
  op: OperationModel,
  url: string,
  mediaType: string,
  headers: { name: string; value: string }[],
  params: SampleParam[],
): HarRequest {
  return {
    method: op.method.toUpperCase(),
    url,
    httpVersion: "HTTP/1.1",
    cookies: [],
    // No content-type header for multipart: the client library must write its own, with the boundary.
    headers: [
      ...headers,
      ...(mediaType === multipart ? [] : [{ name: "content-type", value: mediaType }]),
    ],
    queryString: [],
    headersSize: -1,
    bodySize: -1,
    postData: { mimeType: mediaType, params },
  };
}

/**
 * Replaces the string literal holding `marker` by the literal's text around it joined with `code`
 * (`"Bearer " + os.environ["X"]`). httpsnippet writes plain literals with no escapes around our
 * markers; a literal with two markers is handled one marker per call.
 */
function spliceLiteral(source: string, marker: string, reading: SecretReading, code: string) {
  const q = reading.quote;
  const literal = new RegExp(`${q}([^${q}\\\\\\n]*?)${marker}([^${q}\\\\\\n]*?)${q}`);
  if (!literal.test(source)) throw new Error(`httpsnippet moved secret ${marker} out of a string`);
  if (reading.inline) return source.replace(literal, `${q}$1${code}$2${q}`);
  return source.replace(literal, (_all, before: string, after: string) =>
    [before && `${q}${before}${q}`, code, after && `${q}${after}${q}`].filter(Boolean).join(" + "),
  );
}

/**
 * curl reads the secret from a shell variable: the word around the marker is re-quoted with double
 * quotes so the shell expands it. A form field goes through --form-string, because --form would
 * read a file if the secret happened to start with @ or <.
 */
function shellReads(source: string, marker: string, code: string, isField: boolean): string {
  return source
    .split("\n")
    .map((line) => {
      if (!line.includes(marker)) return line;
      const word = new RegExp(`'([^']*)${marker}([^']*)'|([^\\s']*)${marker}([^\\s']*)`);
      const match = word.exec(line);
      const before = match?.[1] ?? match?.[3] ?? "";
      const after = match?.[2] ?? match?.[4] ?? "";
      // Inside double quotes only $, `, \ and " are special; a word character after the variable
      // would extend its name.
      if (!match || /["$`\\]/.test(before + after) || /^\w/.test(after)) {
        throw new Error(`cannot quote the curl argument around secret ${marker}`);
      }
      const quoted = line.replace(word, () => `"${before}${code}${after}"`);
      return isField ? quoted.replace(/--form /, "--form-string ") : quoted;
    })
    .join("\n");
}

/** httpsnippet's OkHttp output is a statement list; wrap it so it compiles and prints the body. */
function javaProgram(operationId: string, statements: string): string {
  const className = operationId.charAt(0).toUpperCase() + operationId.slice(1);
  const body = statements
    .trimEnd()
    .split("\n")
    .map((line) => (line ? `    ${line}` : line))
    .join("\n");
  const encoding = statements.includes("URLEncoder.")
    ? ["import java.net.URLEncoder;", "import java.nio.charset.StandardCharsets;"]
    : [];
  return [
    "import okhttp3.*;",
    ...encoding,
    "",
    `public class ${className} {`,
    "  public static void main(String[] args) throws java.io.IOException {",
    body,
    "    System.out.println(response.body().string());",
    "  }",
    "}",
  ].join("\n");
}
