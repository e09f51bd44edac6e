// A new operation: a new client method, CLI subcommand, Postman request and docs section.
import { artifactsOf, whereOf } from "../affects.ts";
import type { Rule } from "../types.ts";

export default {
  id: "operation-added",
  level: "addition",
  summary: "an operation added",
  check: ({ added }) =>
    added.map((op) => {
      const a = artifactsOf(op);
      return {
        operationId: op.operationId,
        where: whereOf(op),
        message: `${op.operationId} was added.`,
        affects: [a.method, a.command, a.postman, a.mock("serves it"), a.docs],
      };
    }),
} satisfies Rule;
