// A new required field: every existing call lacks it and gets the documented error.
import { artifactsOf } from "../affects.ts";
import type { Rule } from "../types.ts";
import { fieldWhere, newFields } from "../walk.ts";

export default {
  id: "request-field-added-required",
  level: "breaking",
  summary: "a required request field added",
  check: ({ pairs }) =>
    pairs.flatMap(({ base, head }) =>
      newFields(base, head)
        .filter((field) => field.required)
        .map((field) => {
          const a = artifactsOf(head);
          return {
            operationId: head.operationId,
            where: fieldWhere(head, field.name),
            message: `New required field ${field.name}: existing calls do not send it and are refused.`,
            affects: [
              a.input,
              a.field(field),
              a.postman,
              a.mock(`refuses a call without ${field.name}`),
            ],
          };
        }),
    ),
} satisfies Rule;
