// A response enum with a new value: exhaustive handling (a switch over the union type) misses it.
import { artifactsOf } from "../affects.ts";
import type { Rule } from "../types.ts";
import { facts, responsePropertyPairs, responseWhere } from "../walk.ts";

export default {
  id: "response-field-enum-value-added",
  level: "breaking",
  summary: "a response field's enum gained a value (or lost its enum)",
  check: ({ pairs }) =>
    pairs.flatMap((pair) =>
      responsePropertyPairs(pair).flatMap((body) => {
        const { base, head, path } = body.property;
        if (!base || !head) return [];
        const before = facts(base).enum as unknown[] | undefined;
        const after = facts(head).enum as unknown[] | undefined;
        if (!before) return [];
        const fresh = after ? after.filter((v) => !before.includes(v)) : ["any value"];
        if (fresh.length === 0) return [];
        const a = artifactsOf(body.op);
        return [
          {
            operationId: body.op.operationId,
            where: responseWhere(body, path),
            message: `Response field ${path} may now be ${fresh.map((v) => JSON.stringify(v)).join(", ")}: exhaustive handling of its values misses it.`,
            affects: [a.result, `${a.postman} (tests)`],
          },
        ];
      }),
    ),
} satisfies Rule;
