// A shorter token lifetime (`x-token-lifetime`) breaks no signature, but clients that refresh on
// a schedule tuned to the old lifetime start meeting expired tokens: a warning.
import { artifactsOf, whereOf } from "../affects.ts";
import type { Rule } from "../types.ts";

const keys = ["default", "minimum"] as const;

export default {
  id: "token-lifetime-shortened",
  level: "warning",
  summary: "a token's documented lifetime (x-token-lifetime default or minimum) shortened",
  check: ({ pairs }) =>
    pairs.flatMap(({ base, head }) =>
      head.responses.flatMap((after) =>
        after.contents.flatMap((content) => {
          const before = base
            .response(after.status)
            ?.contents.find((c) => c.mediaType === content.mediaType);
          return content.tokens.flatMap((token) => {
            const old = before?.tokens.find((t) => t.name === token.name)?.lifetime;
            const now = token.lifetime;
            if (!old || !now) return [];
            return keys
              .filter((key) => typeof old[key] === "number" && (now[key] ?? 0) < (old[key] ?? 0))
              .map((key) => {
                const a = artifactsOf(head);
                return {
                  operationId: head.operationId,
                  where: `${whereOf(head)} response ${after.status} ${content.mediaType} field ${token.name}`,
                  message: `${token.name} lives shorter: x-token-lifetime ${key} ${old[key]} s → ${now[key] ?? "unset"} s; clients refreshing on the old schedule meet expired tokens.`,
                  affects: [
                    "client token session (refresh timing)",
                    a.mock(`issues ${token.name} for ${now.default} s by default`),
                  ],
                };
              });
          });
        }),
      ),
    ),
} satisfies Rule;
