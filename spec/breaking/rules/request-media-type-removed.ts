// A request encoding gone: clients still sending it (the client's `multipart` option, the CLI's
// --multipart, the Postman folder of that encoding) are refused.
import { artifactsOf, whereOf } from "../affects.ts";
import type { Rule } from "../types.ts";

export default {
  id: "request-media-type-removed",
  level: "breaking",
  summary: "a request media type removed",
  check: ({ pairs }) =>
    pairs.flatMap(({ base, head }) =>
      (base.request?.mediaTypes ?? [])
        .filter((type) => !head.request?.mediaTypes.includes(type))
        .map((type) => {
          const a = artifactsOf(head);
          return {
            operationId: head.operationId,
            where: `${whereOf(head)} request body ${type}`,
            message: `The request no longer accepts ${type}: clients sending it are refused.`,
            affects: [a.input, a.command, `${a.postman} (${type})`, a.mock(`refuses ${type}`)],
          };
        }),
    ),
} satisfies Rule;
