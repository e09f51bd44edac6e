// The same operation under another HTTP method: every request with the old method is refused.
import { artifactsOf, whereOf } from "../affects.ts";
import type { Rule } from "../types.ts";

export default {
  id: "operation-method-changed",
  level: "breaking",
  summary: "an operation's HTTP method changed",
  check: ({ pairs }) =>
    pairs
      .filter(({ base, head }) => base.method !== head.method)
      .map(({ base, head }) => {
        const a = artifactsOf(head);
        return {
          operationId: head.operationId,
          where: whereOf(head),
          message: `${head.operationId} changed from ${base.method.toUpperCase()} to ${head.method.toUpperCase()}: clients built against the old method are refused.`,
          affects: [
            a.method,
            a.command,
            a.postman,
            a.mock(`answers ${head.method.toUpperCase()} only`),
          ],
        };
      }),
} satisfies Rule;
