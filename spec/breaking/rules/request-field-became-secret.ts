// A field now a secret (format: password, writeOnly or a JWT): the CLI refuses it as a flag and
// reads it from an environment variable or stdin instead, so scripts passing the flag break.
import { artifactsOf, cliFlagOf } from "../affects.ts";
import type { Rule } from "../types.ts";
import { fieldWhere, requestFieldPairs } from "../walk.ts";

export default {
  id: "request-field-became-secret",
  level: "breaking",
  summary: "a request field became a secret (the CLI moves it from a flag to a variable)",
  check: ({ pairs }) =>
    pairs.flatMap((pair) =>
      requestFieldPairs(pair)
        .filter(({ base, head }) => head.secret && !base.secret)
        .map(({ op, head }) => {
          const a = artifactsOf(op);
          return {
            operationId: op.operationId,
            where: fieldWhere(op, head.name),
            message: `${head.name} is now a secret: the CLI refuses --${cliFlagOf(head.name)} and reads it from the environment or stdin.`,
            affects: [
              `CLI flag --${cliFlagOf(head.name)} of ${a.command.replace("CLI subcommand ", "")} (refused)`,
              a.field(head),
            ],
          };
        }),
    ),
} satisfies Rule;
