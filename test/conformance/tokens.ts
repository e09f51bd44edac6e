// Test helper: every secret a server in these tests can hand out or a run can send, known by a
// name that is safe to print. Runners hand tests only redacted output plus the names of any secret
// found in the raw output, so a failing assertion can say what leaked without printing it.
import { loadApiModel } from "@klearstack/spec";
import { opaqueToken } from "./stand-in.ts";

export interface KnownSecret {
  name: string;
  text: string;
}

const model = await loadApiModel();

/** The spec's own secrets: example tokens of every body, the bearer example, secret fields' examples. */
const specSecrets: KnownSecret[] = [];
for (const op of model) {
  for (const response of op.responses) {
    for (const content of response.contents) {
      for (const token of content.tokens) {
        for (const example of content.examples) {
          const text = (example.value as Record<string, unknown> | null)?.[token.name];
          if (typeof text === "string")
            specSecrets.push({ name: `the spec's example ${token.name}`, text });
        }
      }
    }
  }
  for (const field of op.fields) {
    if (field.secret && field.example)
      specSecrets.push({ name: `the spec's example ${field.name}`, text: field.example });
  }
  if (op.bearer?.example)
    specSecrets.push({ name: `the spec's example ${op.bearer.name}`, text: op.bearer.example });
}
if (!specSecrets.some((s) => s.name.includes("password")) || specSecrets.length < 3)
  throw new Error("expected the spec's example tokens and password");

const known = (extra: KnownSecret[]): KnownSecret[] => [
  ...specSecrets,
  { name: "the opaque token", text: opaqueToken },
  ...extra,
];

/** A secret's distinctive parts: the payload and signature of a JWT, or the whole value. */
const distinctive = (text: string) =>
  text.split(".").length === 3 ? text.split(".").slice(1) : [text];
const jwtShape = /[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}/g;

/** Names (never texts) of the known secrets, and of anything JWT-shaped, that `output` holds. */
export function leakedTokens(output: string, extra: KnownSecret[] = []): string[] {
  const names = [
    ...new Set(
      known(extra)
        .filter(({ text }) => distinctive(text).some((part) => output.includes(part)))
        .map(({ name }) => name),
    ),
  ];
  if (jwtShape.test(output)) names.push("a JWT-shaped string");
  jwtShape.lastIndex = 0;
  return names;
}

/** `output` with every known secret part, and anything JWT-shaped, replaced by a placeholder. */
export function redactTokens(output: string, extra: KnownSecret[] = []): string {
  let redacted = output;
  for (const { name, text } of known(extra))
    for (const part of distinctive(text)) redacted = redacted.replaceAll(part, `<${name}>`);
  return redacted.replace(jwtShape, "<jwt>");
}
