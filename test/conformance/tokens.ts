// Test helper: every token a server in these tests can hand out, known by a name that is safe to
// print. Runners hand tests only redacted output plus the names of any token found in the raw
// output, so a failing assertion can say which token leaked without printing its text.
import { tokenOperation } from "@klearstack/spec";
import { opaqueTokens } from "./stand-in.ts";

const example200 = tokenOperation().example200 as Record<string, unknown>;

const tokens: { name: string; text: string }[] = [
  ...Object.entries(example200)
    .filter(([key, value]) => /token/i.test(key) && typeof value === "string")
    .map(([key, value]) => ({ name: `the spec's example ${key}`, text: String(value) })),
  ...Object.entries(opaqueTokens).map(([key, text]) => ({ name: `the opaque ${key}`, text })),
];
if (tokens.length < 3) throw new Error("expected the spec's example tokens and the opaque ones");

/** A token's distinctive parts: the payload and signature of a JWT, or the whole opaque value. */
const distinctive = (text: string) =>
  text.split(".").length === 3 ? text.split(".").slice(1) : [text];
const jwtShape = /[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}/g;

/** Names (never texts) of the known tokens whose distinctive parts appear in `output`. */
export function leakedTokens(output: string): string[] {
  return tokens
    .filter(({ text }) => distinctive(text).some((part) => output.includes(part)))
    .map(({ name }) => name);
}

/** `output` with every known token part, and anything JWT-shaped, replaced by a placeholder. */
export function redactTokens(output: string): string {
  let redacted = output;
  for (const { name, text } of tokens)
    for (const part of distinctive(text)) redacted = redacted.replaceAll(part, `<${name}>`);
  return redacted.replace(jwtShape, "<jwt>");
}
