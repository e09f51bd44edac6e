// A new optional field: a new input property and flag; existing calls are unaffected.
import { artifactsOf } from "../affects.ts";
import type { Rule } from "../types.ts";
import { fieldWhere, newFields } from "../walk.ts";

export default {
  id: "request-field-added-optional",
  level: "addition",
  summary: "an optional request field added",
  check: ({ pairs }) =>
    pairs.flatMap(({ base, head }) =>
      newFields(base, head)
        .filter((field) => !field.required)
        .map((field) => {
          const a = artifactsOf(head);
          return {
            operationId: head.operationId,
            where: fieldWhere(head, field.name),
            message: `New optional field ${field.name}.`,
            affects: [a.input, a.field(field), a.postman],
          };
        }),
    ),
} satisfies Rule;
