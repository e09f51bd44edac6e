// In this project the operationId names the client method, the CLI subcommand and the docs anchor:
// renaming it stops every integrator's code from compiling, though the HTTP call is the same.
import { artifactsOf, whereOf } from "../affects.ts";
import type { Rule } from "../types.ts";

export default {
  id: "operation-id-changed",
  level: "breaking",
  summary: "an operationId renamed (same method and path)",
  check: ({ pairs }) =>
    pairs
      .filter(({ base, head }) => base.operationId !== head.operationId)
      .map(({ base, head }) => {
        const [before, after] = [artifactsOf(base), artifactsOf(head)];
        return {
          operationId: head.operationId,
          where: whereOf(head),
          message: `operationId ${base.operationId} was renamed ${head.operationId}: code calling the old method or subcommand no longer compiles or runs.`,
          affects: [
            `${before.method} → ${head.operationId}`,
            `${before.command} → ${after.command.replace("CLI subcommand ", "")}`,
            `${before.docs} → ${after.docs.replace("docs anchor ", "")}`,
            // The request keeps its name (the summary); per-operation variables are keyed by id.
            `${before.postman} (per-operation collection variables)`,
          ],
        };
      }),
} satisfies Rule;
