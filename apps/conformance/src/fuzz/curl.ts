// A case as the curl command that replays it. Secrets never appear: secret fields, JWT fields and
// bearer tokens are shell variables (the same KLEARSTACK_* names the run reads), so the command can
// be pasted into a ticket and run by whoever holds the credentials. Generated text is quoted for
// bash: single quotes, or $'…' when it holds control characters.
import { bearerCredentialName, fieldEnvVar } from "@klearstack/spec";
import type { RunInputs } from "../inputs.ts";
import type { AuthCase, FuzzCase } from "./cases.ts";

/** One piece of a shell word: literal text, or a variable (with an optional expansion operator). */
type Part = { text: string } | { variable: string; operator?: string };

/** The variable names a case's references are printed as. */
export interface CurlNames {
  /** By field name: `KLEARSTACK_PASSWORD`, `KLEARSTACK_REFRESH_TOKEN`. */
  fields: Record<string, string>;
  /** The bearer scheme's: `KLEARSTACK_ACCESS_TOKEN` (its token type's variable). */
  bearer: string | undefined;
  /** By token type, for a token sent where another type belongs. */
  tokenTypes: Record<string, string>;
}

export function curlNames(inputs: RunInputs, bearerScheme: string | undefined): CurlNames {
  const fields: Record<string, string> = {};
  const tokenTypes: Record<string, string> = {};
  for (const input of inputs.fields) {
    if (!input.secret) continue;
    fields[input.name] = input.secret.env;
    if (input.tokenType) tokenTypes[input.tokenType] ??= input.secret.env;
  }
  const bearer = inputs.bearers.find((b) => b.scheme === bearerScheme) ?? inputs.bearers[0];
  if (bearer?.tokenType) tokenTypes[bearer.tokenType] ??= bearer.secret.env;
  return { fields, bearer: bearer?.secret.env, tokenTypes };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const CONTROL = /[\u0000-\u001f\u007f]/;
/** Text that double quotes keep as it is (no expansion, no history `!`). */
const DOUBLE_QUOTE_SAFE = /^[^"$`\\!]*$/;

function quoteText(text: string): string {
  if (!CONTROL.test(text)) return `'${text.replaceAll("'", `'\\''`)}'`;
  // bash's ANSI-C quoting: every control character and quote as an escape.
  const escaped = [...text]
    .map((c) => {
      const code = c.codePointAt(0) ?? 0;
      if (c === "\\" || c === "'") return `\\${c}`;
      return code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, "0")}` : c;
    })
    .join("");
  return `$'${escaped}'`;
}

/** A word for bash: one double-quoted string when it can be, else quoted pieces side by side. */
export function shellWord(parts: Part[]): string {
  const texts = parts.flatMap((p) => ("text" in p ? [p.text] : []));
  const variable = (p: Extract<Part, { variable: string }>) =>
    `\${${p.variable}${p.operator ?? ""}}`;
  if (parts.every((p) => "text" in p)) return quoteText(texts.join(""));
  if (texts.every((t) => DOUBLE_QUOTE_SAFE.test(t) && !CONTROL.test(t))) {
    return `"${parts.map((p) => ("text" in p ? p.text : variable(p))).join("")}"`;
  }
  return parts.map((p) => ("text" in p ? quoteText(p.text) : `"${variable(p)}"`)).join("");
}

function authParts(auth: AuthCase, names: CurlNames): Part[] | undefined {
  const token = names.bearer ?? fieldEnvVar("bearer_token");
  switch (auth.kind) {
    case "none":
      return undefined;
    case "valid":
      return [{ text: "Authorization: Bearer " }, { variable: token }];
    case "tampered":
      return [{ text: "Authorization: Bearer " }, { variable: token }, { text: auth.suffix }];
    case "unsigned":
      // Everything up to the last dot, and the dot: header.claims. with no signature.
      return [
        { text: "Authorization: Bearer " },
        { variable: token, operator: "%.*" },
        { text: "." },
      ];
    case "other-token":
      return [
        { text: "Authorization: Bearer " },
        {
          variable:
            names.tokenTypes[auth.tokenType] ??
            fieldEnvVar(bearerCredentialName({ name: "", tokenType: auth.tokenType })),
        },
      ];
    case "empty":
      return [{ text: "Authorization: Bearer " }];
  }
}

/** JSON text of the fields, references as variables inside the string values. */
function jsonParts(fields: FuzzCase["fields"], names: CurlNames): Part[] {
  const parts: Part[] = [{ text: "{" }];
  // A repeated name (an array field's items) is one JSON array, as the request sends it.
  const grouped = new Map<string, FuzzCase["fields"][number][1][]>();
  for (const [name, value] of fields) grouped.set(name, [...(grouped.get(name) ?? []), value]);
  const one = (name: string, value: FuzzCase["fields"][number][1]): Part[] =>
    value.kind === "literal"
      ? [{ text: JSON.stringify(value.value) }]
      : [{ text: '"' }, { variable: names.fields[name] ?? name }, { text: '"' }];
  [...grouped].forEach(([name, values], i) => {
    parts.push({ text: `${i > 0 ? "," : ""}${JSON.stringify(name)}:` });
    const [first] = values;
    if (values.length === 1 && first) {
      parts.push(...one(name, first));
      return;
    }
    parts.push({ text: "[" });
    for (const [j, value] of values.entries()) {
      if (j > 0) parts.push({ text: "," });
      parts.push(...one(name, value));
    }
    parts.push({ text: "]" });
  });
  parts.push({ text: "}" });
  return parts;
}

/** A file's bytes as a `printf '%b'` argument: every byte escaped, so any byte replays as it is. */
const printfBytes = (bytes: readonly number[]) =>
  `printf '%b' '${bytes.map((b) => `\\x${b.toString(16).padStart(2, "0")}`).join("")}'`;

/**
 * A file part as curl sends it from `source` ("-" for standard input), with the media type and the
 * file name fetch gives a Blob ("blob"), so the server receives the same part.
 */
const filePart = (name: string, type: string, source: string) =>
  `${quoteText(`${name}=@`)}${source}${quoteText(`;type=${type};filename=blob`)}`;

export function curlFor(fuzzCase: FuzzCase, url: URL, names: CurlNames): string {
  const words = ["curl", "-sS", "-i", "-X", fuzzCase.method, quoteText(url.href)];
  // A file's bytes are piped in: the first file on standard input (curl reads it whole and sends
  // its length, as fetch does), any further one from a process substitution.
  let stdin: string | undefined;
  const auth = authParts(fuzzCase.auth, names);
  if (auth) words.push("-H", shellWord(auth));
  const { mediaType, fields } = fuzzCase;
  const field = (name: string, value: FuzzCase["fields"][number][1]): Part[] =>
    value.kind === "literal"
      ? [{ text: `${name}=${value.value}` }]
      : value.kind === "file"
        ? [{ text: `${name}=` }] // only multipart carries a file (cases leave it out elsewhere)
        : [{ text: `${name}=` }, { variable: names.fields[name] ?? name }];
  if (mediaType !== undefined && fields.length === 0) {
    // A body without fields, as fetch sends it: an empty form, or a multipart of no parts.
    const multipart = mediaType === "multipart/form-data";
    words.push(
      "-H",
      quoteText(
        `Content-Type: ${fuzzCase.contentType ?? mediaType}${multipart ? "; boundary=x" : ""}`,
      ),
    );
    words.push(
      "--data-binary",
      multipart ? quoteText("--x--\r\n") : /json$/.test(mediaType) ? "'{}'" : "''",
    );
  } else if (mediaType === "multipart/form-data") {
    // --form-string, not -F: a value starting with @ or < is text, not a file to upload.
    for (const [name, value] of fields) {
      if (value.kind !== "file") {
        words.push("--form-string", shellWord(field(name, value)));
      } else if (stdin === undefined) {
        stdin = printfBytes(value.bytes);
        words.push("--form", filePart(name, value.type, "-"));
      } else {
        words.push("--form", filePart(name, value.type, `<(${printfBytes(value.bytes)})`));
      }
    }
  } else if (mediaType !== undefined && /json$/.test(mediaType)) {
    words.push("-H", quoteText(`Content-Type: ${fuzzCase.contentType ?? mediaType}`));
    words.push("--data-binary", shellWord(jsonParts(fields, names)));
  } else if (mediaType !== undefined) {
    // curl's own Content-Type for --data-urlencode is the form's; another label replaces it.
    if (fuzzCase.contentType) words.push("-H", quoteText(`Content-Type: ${fuzzCase.contentType}`));
    for (const [name, value] of fields)
      words.push("--data-urlencode", shellWord(field(name, value)));
  }
  return stdin === undefined ? words.join(" ") : `${stdin} | ${words.join(" ")}`;
}
