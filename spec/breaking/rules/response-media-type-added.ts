// A response body type added to a status documented before.
import { artifactsOf, whereOf } from "../affects.ts";
import type { Rule } from "../types.ts";

export default {
  id: "response-media-type-added",
  level: "addition",
  summary: "a response media type added",
  check: ({ pairs }) =>
    pairs.flatMap(({ base, head }) =>
      head.responses.flatMap((after) => {
        const before = base.response(after.status);
        if (!before) return [];
        return after.contents
          .filter((c) => !before.contents.some((b) => b.mediaType === c.mediaType))
          .map((c) => ({
            operationId: head.operationId,
            where: `${whereOf(head)} response ${after.status} ${c.mediaType}`,
            message: `Response ${after.status} may now be ${c.mediaType}.`,
            affects: [artifactsOf(head).mock(`may answer ${after.status} as ${c.mediaType}`)],
          }));
      }),
    ),
} satisfies Rule;
