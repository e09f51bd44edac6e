// A new request encoding: one more way to call, nothing that worked stops working.
import { artifactsOf, whereOf } from "../affects.ts";
import type { Rule } from "../types.ts";

export default {
  id: "request-media-type-added",
  level: "addition",
  summary: "a request media type added",
  check: ({ pairs }) =>
    pairs.flatMap(({ base, head }) =>
      (head.request?.mediaTypes ?? [])
        .filter((type) => !(base.request?.mediaTypes ?? []).includes(type))
        .map((type) => {
          const a = artifactsOf(head);
          return {
            operationId: head.operationId,
            where: `${whereOf(head)} request body ${type}`,
            message: `The request now also accepts ${type}.`,
            affects: [a.input, `${a.postman} (${type})`, a.mock(`accepts ${type}`)],
          };
        }),
    ),
} satisfies Rule;
