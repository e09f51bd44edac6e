// The same operation at another path: every request to the old URL gets 404.
import { artifactsOf, whereOf } from "../affects.ts";
import type { Rule } from "../types.ts";

export default {
  id: "operation-path-changed",
  level: "breaking",
  summary: "an operation's path changed",
  check: ({ pairs }) =>
    pairs
      .filter(({ base, head }) => base.path !== head.path)
      .map(({ base, head }) => {
        const a = artifactsOf(head);
        return {
          operationId: head.operationId,
          where: whereOf(head),
          message: `${head.operationId} moved from ${base.path} to ${head.path}: clients built against the old path get 404.`,
          affects: [a.method, a.command, a.postman, a.mock(`serves it at ${head.path} only`)],
        };
      }),
} satisfies Rule;
