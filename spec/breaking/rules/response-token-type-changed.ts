// A response token of another kind (its decoded `token_type`): the token session and Postman's
// chaining store it where the old kind went, and the next call sends the wrong token.
import { artifactsOf } from "../affects.ts";
import type { Rule } from "../types.ts";
import { responseTokenPairs } from "../walk.ts";

export default {
  id: "response-token-type-changed",
  level: "breaking",
  summary: "a response token field issues another token type",
  check: ({ pairs }) =>
    pairs.flatMap(responseTokenPairs).flatMap(({ op, where, base: old, head: token }) => {
      if (old.tokenType === token.tokenType) return [];
      const a = artifactsOf(op);
      return [
        {
          operationId: op.operationId,
          where,
          message: `${token.name} now issues a ${token.tokenType ?? "untyped"} token instead of a ${old.tokenType ?? "untyped"} one: token chaining breaks.`,
          affects: [
            a.result,
            "client token session (token chaining)",
            `${a.postman} (chained variable)`,
            a.mock(`issues ${token.tokenType ?? "untyped"} tokens in ${token.name}`),
          ],
        },
      ];
    }),
} satisfies Rule;
