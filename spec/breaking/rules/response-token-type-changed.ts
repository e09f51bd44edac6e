// A response token of another kind (its decoded `token_type`): the token session and Postman's
// chaining store it where the old kind went, and the next call sends the wrong token.
import { artifactsOf, whereOf } from "../affects.ts";
import type { Rule } from "../types.ts";

export default {
  id: "response-token-type-changed",
  level: "breaking",
  summary: "a response token field issues another token type",
  check: ({ pairs }) =>
    pairs.flatMap(({ base, head }) =>
      head.responses.flatMap((after) =>
        after.contents.flatMap((content) => {
          const before = base
            .response(after.status)
            ?.contents.find((c) => c.mediaType === content.mediaType);
          return content.tokens.flatMap((token) => {
            const old = before?.tokens.find((t) => t.name === token.name);
            if (!old || old.tokenType === token.tokenType) return [];
            const a = artifactsOf(head);
            return [
              {
                operationId: head.operationId,
                where: `${whereOf(head)} response ${after.status} ${content.mediaType} field ${token.name}`,
                message: `${token.name} now issues a ${token.tokenType ?? "untyped"} token instead of a ${old.tokenType ?? "untyped"} one: token chaining breaks.`,
                affects: [
                  a.result,
                  "client token session (token chaining)",
                  `${a.postman} (chained variable)`,
                  a.mock(`issues ${token.tokenType ?? "untyped"} tokens in ${token.name}`),
                ],
              },
            ];
          });
        }),
      ),
    ),
} satisfies Rule;
