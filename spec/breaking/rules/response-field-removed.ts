// A response field gone: the client's result type loses it and code reading it breaks.
import { artifactsOf } from "../affects.ts";
import type { Rule } from "../types.ts";
import { responsePropertyPairs, responseWhere } from "../walk.ts";

export default {
  id: "response-field-removed",
  level: "breaking",
  summary: "a response field removed",
  check: ({ pairs }) =>
    pairs.flatMap((pair) =>
      responsePropertyPairs(pair)
        .filter(({ property }) => property.base && !property.head)
        .map((body) => {
          const a = artifactsOf(body.op);
          return {
            operationId: body.op.operationId,
            where: responseWhere(body, body.property.path),
            message: `Response field ${body.property.path} was removed: code reading it breaks.`,
            affects: [
              a.result,
              `${a.command} --field ${body.property.path}`,
              `${a.postman} (tests)`,
              a.mock(`no longer answers ${body.property.path}`),
            ],
          };
        }),
    ),
} satisfies Rule;
