// A required response field made optional: code that relies on it being there may meet undefined.
import { artifactsOf } from "../affects.ts";
import type { Rule } from "../types.ts";
import { responsePropertyPairs, responseWhere } from "../walk.ts";

export default {
  id: "response-field-became-optional",
  level: "breaking",
  summary: "a required response field made optional",
  check: ({ pairs }) =>
    pairs.flatMap((pair) =>
      responsePropertyPairs(pair)
        .filter(({ property: p }) => p.base && p.head && p.baseRequired && !p.headRequired)
        .map((body) => {
          const a = artifactsOf(body.op);
          return {
            operationId: body.op.operationId,
            where: responseWhere(body, body.property.path),
            message: `Response field ${body.property.path} is no longer required: code relying on it may read undefined.`,
            affects: [a.result, `${a.postman} (tests)`],
          };
        }),
    ),
} satisfies Rule;
