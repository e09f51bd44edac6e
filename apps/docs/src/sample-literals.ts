// String literals for the samples: every example value from the spec reaches a sample as a literal
// written by the escaper of that sample's language, so quotes, backslashes, newlines, `${`,
// `</script>` and non-ASCII text arrive exactly and never become code. httpsnippet writes
// literals unescaped; http-samples.ts therefore hands it a marker per value and this module puts
// the literal in the marker's place.

/** JavaScript and TypeScript: JSON strings are JavaScript string literals (ES2019). */
export const jsString = (value: string): string => JSON.stringify(value);

const hex4 = (code: number) => code.toString(16).padStart(4, "0");

/**
 * Python: a double-quoted literal. Backslash, quote and control characters (C0, DEL, C1, line and
 * paragraph separators) are escaped; other text stays as it is (Python 3 source is UTF-8).
 */
export function pythonString(value: string): string {
  let out = "";
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (char === "\\" || char === '"') out += `\\${char}`;
    else if (char === "\n") out += "\\n";
    else if (char === "\r") out += "\\r";
    else if (char === "\t") out += "\\t";
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f))
      out += `\\x${code.toString(16).padStart(2, "0")}`;
    else if (code === 0x2028 || code === 0x2029 || (code >= 0xd800 && code <= 0xdfff))
      out += `\\u${hex4(code)}`;
    else out += char;
  }
  return `"${out}"`;
}

/**
 * Java: the text inside a double-quoted literal, ASCII only: everything outside printable ASCII as
 * \uXXXX (UTF-16 units), so the source compiles whatever encoding javac assumes. A backslash is
 * doubled, so no `\u` in the value can become a Unicode escape of the source.
 */
export function javaStringContent(value: string): string {
  let out = "";
  for (let i = 0; i < value.length; i++) {
    const char = value[i] as string;
    const code = value.charCodeAt(i);
    if (char === "\\" || char === '"') out += `\\${char}`;
    else if (char === "\n") out += "\\n";
    else if (char === "\r") out += "\\r";
    else if (char === "\t") out += "\\t";
    else if (code < 0x20 || code > 0x7e) out += `\\u${hex4(code)}`;
    else out += char;
  }
  return out;
}

/** POSIX shell: one single-quoted word; a quote inside closes, escapes and reopens (`'\''`). */
export const shellWord = (value: string): string => `'${value.replaceAll("'", `'\\''`)}'`;

export type SampleTarget = "shell" | "python" | "java" | "node" | "javascript";

/**
 * `source` (httpsnippet's output) with each marker replaced by its value, written for `target`:
 * a literal of the target's language where httpsnippet wrote the marker as a literal of its own
 * (`quote` is the quote it uses), the encoded value inside Java's pre-encoded form body, a
 * single-quoted word for the shell. Fails where httpsnippet put a marker anywhere else.
 */
export function withValues(
  source: string,
  target: SampleTarget,
  quote: string,
  values: { marker: string; value: string }[],
): string {
  let result = source;
  for (const { marker, value } of values) {
    if (!value.isWellFormed()) {
      throw new Error(
        `example value ${JSON.stringify(value)} has a lone surrogate: no request can carry it`,
      );
    }
    const before = result;
    if (target === "shell") {
      // The word holding the marker: quoted ('name=MARKER') or bare (name=MARKER).
      // curl's --form reads a value starting with @ or < as a file and parses ;type= in it:
      // a text value goes through --form-string, which sends it as it is (file parts keep --form).
      result = result.replace(
        new RegExp(`(--form )?(?:'([^'\\s]*)${marker}([^'\\s]*)'|([^'\\s]*)${marker}([^'\\s]*))`),
        (_all, form, qb = "", qa = "", bb = "", ba = "") =>
          `${form ? "--form-string " : ""}${shellWord(`${qb || bb}${value}${qa || ba}`)}`,
      );
    } else if (target === "java") {
      // OkHttp's urlencoded body is one pre-encoded literal: the value goes in form-encoded.
      result = result.replace(marker, () => javaStringContent(encodeURIComponent(value)));
    } else {
      const literal = target === "python" ? pythonString(value) : jsString(value);
      result = result.replace(`${quote}${marker}${quote}`, () => literal);
    }
    if (result === before || result.includes(marker)) {
      throw new Error(`httpsnippet wrote example value ${marker} where no literal can take it`);
    }
  }
  return result;
}
