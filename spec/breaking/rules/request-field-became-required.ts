// An optional field made required: calls that left it out are now refused.
import { artifactsOf } from "../affects.ts";
import type { Rule } from "../types.ts";
import { fieldWhere, requestFieldPairs } from "../walk.ts";

export default {
  id: "request-field-became-required",
  level: "breaking",
  summary: "an optional request field made required",
  check: ({ pairs }) =>
    pairs.flatMap((pair) =>
      requestFieldPairs(pair)
        .filter(({ base, head }) => head.required && !base.required)
        .map(({ op, head }) => {
          const a = artifactsOf(op);
          return {
            operationId: op.operationId,
            where: fieldWhere(op, head.name),
            message: `${head.name} is now required: calls that left it out are refused.`,
            affects: [
              a.input,
              a.field(head),
              a.postman,
              a.mock(`refuses a call without ${head.name}`),
            ],
          };
        }),
    ),
} satisfies Rule;
