// A newly documented status: something more to handle, nothing that worked stops working.
import { artifactsOf, whereOf } from "../affects.ts";
import type { Rule } from "../types.ts";

export default {
  id: "response-status-added",
  level: "addition",
  summary: "a response status added",
  check: ({ pairs }) =>
    pairs.flatMap(({ base, head }) =>
      head.responses
        .filter((r) => !base.response(r.status))
        .map((r) => {
          const a = artifactsOf(head);
          return {
            operationId: head.operationId,
            where: `${whereOf(head)} response ${r.status}`,
            message: `Response ${r.status} is now documented.`,
            affects: [
              r.status.startsWith("2") ? a.result : a.errors,
              `${a.postman} (tests)`,
              a.mock(`may answer ${r.status}`),
            ],
          };
        }),
    ),
} satisfies Rule;
