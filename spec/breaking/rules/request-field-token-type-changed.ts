// A token field that takes another kind of token (its decoded `token_type`): the token session
// and the Postman chaining feed it the token type the spec named before.
import { artifactsOf } from "../affects.ts";
import type { Rule } from "../types.ts";
import { fieldWhere, requestFieldPairs } from "../walk.ts";

export default {
  id: "request-field-token-type-changed",
  level: "breaking",
  summary: "a request token field takes another token type",
  check: ({ pairs }) =>
    pairs.flatMap((pair) =>
      requestFieldPairs(pair)
        .filter(({ base, head }) => base.tokenType !== head.tokenType)
        .map(({ op, base, head }) => {
          const a = artifactsOf(op);
          return {
            operationId: op.operationId,
            where: fieldWhere(op, head.name),
            message: `${head.name} takes a ${head.tokenType ?? "non-token"} value instead of a ${base.tokenType ?? "non-token"} one: tokens chained as before are refused.`,
            affects: [
              a.input,
              "client token session (token chaining)",
              `${a.postman} (chained variable)`,
              a.mock(`expects a ${head.tokenType ?? "plain"} value`),
            ],
          };
        }),
    ),
} satisfies Rule;
