// An operation gone from the spec: its method, subcommand and request disappear with it.
import { artifactsOf, whereOf } from "../affects.ts";
import type { Rule } from "../types.ts";

export default {
  id: "operation-removed",
  level: "breaking",
  summary: "an operation removed",
  check: ({ removed }) =>
    removed.map((op) => {
      const a = artifactsOf(op);
      return {
        operationId: op.operationId,
        where: whereOf(op),
        message: `${op.operationId} was removed: every caller of it fails.`,
        affects: [a.method, a.command, a.postman, a.mock("no longer serves it (404)"), a.docs],
      };
    }),
} satisfies Rule;
