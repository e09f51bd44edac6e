// A shorter token lifetime (`x-token-lifetime`) breaks no signature, but clients that refresh on
// a schedule tuned to the old lifetime start meeting expired tokens: a warning.
import { artifactsOf } from "../affects.ts";
import type { Rule } from "../types.ts";
import { responseTokenPairs } from "../walk.ts";

const keys = ["default", "minimum"] as const;

export default {
  id: "token-lifetime-shortened",
  level: "warning",
  summary: "a token's documented lifetime (x-token-lifetime default or minimum) shortened",
  check: ({ pairs }) =>
    pairs.flatMap(responseTokenPairs).flatMap(({ op, where, base, head: token }) => {
      const old = base.lifetime;
      const now = token.lifetime;
      if (!old || !now) return [];
      return keys
        .filter((key) => typeof old[key] === "number" && (now[key] ?? 0) < (old[key] ?? 0))
        .map((key) => ({
          operationId: op.operationId,
          where,
          message: `${token.name} lives shorter: x-token-lifetime ${key} ${old[key]} s → ${now[key] ?? "unset"} s; clients refreshing on the old schedule meet expired tokens.`,
          affects: [
            "client token session (refresh timing)",
            artifactsOf(op).mock(`issues ${token.name} for ${now.default} s by default`),
          ],
        }));
    }),
} satisfies Rule;
