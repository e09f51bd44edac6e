// A new response field: more to read, nothing that worked stops working.
import { artifactsOf } from "../affects.ts";
import type { Rule } from "../types.ts";
import { responsePropertyPairs, responseWhere } from "../walk.ts";

export default {
  id: "response-field-added",
  level: "addition",
  summary: "a response field added",
  check: ({ pairs }) =>
    pairs.flatMap((pair) =>
      responsePropertyPairs(pair)
        .filter(({ property }) => !property.base && property.head)
        .map((body) => {
          const a = artifactsOf(body.op);
          return {
            operationId: body.op.operationId,
            where: responseWhere(body, body.property.path),
            message: `New response field ${body.property.path}.`,
            affects: [a.result, a.mock(`answers ${body.property.path}`)],
          };
        }),
    ),
} satisfies Rule;
