// A response field that may now be of a type it never was: clients parse it as the old type.
import { artifactsOf } from "../affects.ts";
import type { Rule } from "../types.ts";
import { responsePropertyPairs, responseWhere, typesOf } from "../walk.ts";

export default {
  id: "response-field-type-changed",
  level: "breaking",
  summary: "a response field's type changed",
  check: ({ pairs }) =>
    pairs.flatMap((pair) =>
      responsePropertyPairs(pair).flatMap((body) => {
        const { base, head, path } = body.property;
        if (!base || !head) return [];
        const [before, after] = [typesOf(base), typesOf(head)];
        const fresh = before.size === 0 ? [] : [...after].filter((t) => !before.has(t));
        if (fresh.length === 0 && !(after.size === 0 && before.size > 0)) return [];
        const a = artifactsOf(body.op);
        return [
          {
            operationId: body.op.operationId,
            where: responseWhere(body, path),
            message: `Response field ${path} changed type from ${[...before].join("|")} to ${[...after].join("|") || "any"}: clients parse the old type.`,
            affects: [
              a.result,
              `${a.postman} (tests)`,
              a.mock(`answers ${path} as ${[...after].join("|") || "any type"}`),
            ],
          },
        ];
      }),
    ),
} satisfies Rule;
