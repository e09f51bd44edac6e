// A new summary renames the Postman request (openapi-to-postmanv2 names requests by summary) and
// the docs heading; no code breaks.
import { artifactsOf, whereOf } from "../affects.ts";
import type { Rule } from "../types.ts";

export default {
  id: "operation-summary-changed",
  level: "patch",
  summary: "an operation's summary changed",
  check: ({ pairs }) =>
    pairs
      .filter(({ base, head }) => base.summary !== head.summary)
      .map(({ base, head }) => ({
        operationId: head.operationId,
        where: whereOf(head),
        message: `${head.operationId}'s summary changed from "${base.summary ?? ""}" to "${head.summary ?? ""}".`,
        affects: [
          `${artifactsOf(base).postman} → "${head.summary ?? head.operationId}"`,
          "docs heading",
          "CLI --help",
        ],
      })),
} satisfies Rule;
