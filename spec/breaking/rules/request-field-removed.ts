// A field gone from the request: the client's input type loses it (callers passing it no longer
// compile) and the CLI refuses its flag as unknown.
import { artifactsOf } from "../affects.ts";
import type { Rule } from "../types.ts";
import { fieldWhere, newFields } from "../walk.ts";

export default {
  id: "request-field-removed",
  level: "breaking",
  summary: "a request field removed",
  check: ({ pairs }) =>
    pairs.flatMap(({ base, head }) =>
      newFields(head, base).map((field) => {
        const a = artifactsOf(head);
        return {
          operationId: head.operationId,
          where: fieldWhere(head, field.name),
          message: `Request field ${field.name} was removed: code and scripts that pass it break.`,
          affects: [a.input, a.field(field), a.postman],
        };
      }),
    ),
} satisfies Rule;
