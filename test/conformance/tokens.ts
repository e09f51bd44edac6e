// Test helper: every token text a server in these tests can hand out, for "never printed" checks.
import { loadSpec } from "@klearstack/spec";
import { opaqueTokens } from "./stand-in.ts";

const spec = loadSpec();
const example = spec.paths["/access/klearstack/getaccesstokenfromuserid"]!.post!.responses["200"]!
  .content["application/json"]!.example as Record<string, string>;

export const tokenTexts = [
  example.access_token!,
  example.refresh_token!,
  ...Object.values(opaqueTokens),
];

/** A token's distinctive parts: the payload and signature of a JWT, or the whole opaque value. */
export function leakedTokenParts(output: string): string[] {
  return tokenTexts
    .flatMap((token) => (token.split(".").length === 3 ? token.split(".").slice(1) : [token]))
    .filter((part) => output.includes(part));
}
