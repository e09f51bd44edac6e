// A documented status gone: clients handling it (typed errors, tests, Postman checks) misread
// what the server now answers instead.
import { artifactsOf, whereOf } from "../affects.ts";
import type { Rule } from "../types.ts";

export default {
  id: "response-status-removed",
  level: "breaking",
  summary: "a response status removed",
  check: ({ pairs }) =>
    pairs.flatMap(({ base, head }) =>
      base.responses
        .filter((r) => !head.response(r.status))
        .map((r) => {
          const a = artifactsOf(head);
          return {
            operationId: head.operationId,
            where: `${whereOf(head)} response ${r.status}`,
            message: `Response ${r.status} is no longer documented: clients handling it get something else.`,
            affects: [
              r.status.startsWith("2") ? a.result : a.errors,
              `${a.postman} (tests)`,
              a.mock(`never answers ${r.status}`),
            ],
          };
        }),
    ),
} satisfies Rule;
