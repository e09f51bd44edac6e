// A request field no longer takes a type it took: values clients send are refused.
import { artifactsOf } from "../affects.ts";
import type { Rule } from "../types.ts";
import { fieldWhere, requestFieldPairs, typesOf } from "../walk.ts";

export default {
  id: "request-field-type-changed",
  level: "breaking",
  summary: "a request field's type changed (a type it took is no longer accepted)",
  check: ({ pairs }) =>
    pairs.flatMap((pair) =>
      requestFieldPairs(pair).flatMap(({ op, base, head }) => {
        const [before, after] = [typesOf(base.schema), typesOf(head.schema)];
        const lost = after.size === 0 ? [] : [...before].filter((t) => !after.has(t));
        if (lost.length === 0 && !(before.size === 0 && after.size > 0)) return [];
        const a = artifactsOf(op);
        return [
          {
            operationId: op.operationId,
            where: fieldWhere(op, head.name),
            message: `${head.name} changed type from ${[...before].join("|") || "any"} to ${[...after].join("|")}: values sent today are refused.`,
            affects: [
              a.input,
              a.field(head),
              a.postman,
              a.mock(`refuses a ${head.name} of the old type`),
            ],
          },
        ];
      }),
    ),
} satisfies Rule;
