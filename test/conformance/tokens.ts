// Test helper: every secret a server in these tests can hand out or a run can send, known by a
// name that is safe to print. Runners hand tests only redacted output plus the names of any secret
// found in the raw output, so a failing assertion can say what leaked without printing it.
import { loadApiModel } from "@klearstack/spec";
import { type KnownSecret, leakedSecrets, redactSecrets } from "@klearstack/test-support/leaks";
import { opaqueToken } from "./stand-in.ts";

export type { KnownSecret };

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

/** Names (never texts) of the known secrets, and of anything JWT-shaped, that `output` holds. */
export const leakedTokens = (output: string, extra: KnownSecret[] = []): string[] =>
  leakedSecrets(output, known(extra));

/** `output` with every known secret part, and anything JWT-shaped, replaced by a placeholder. */
export const redactTokens = (output: string, extra: KnownSecret[] = []): string =>
  redactSecrets(output, known(extra));
