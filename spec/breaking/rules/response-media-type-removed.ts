// A response body type gone (or replaced): clients parse what they were told to expect.
import { artifactsOf, whereOf } from "../affects.ts";
import type { Rule } from "../types.ts";

export default {
  id: "response-media-type-removed",
  level: "breaking",
  summary: "a response media type removed or replaced",
  check: ({ pairs }) =>
    pairs.flatMap(({ base, head }) =>
      base.responses.flatMap((before) => {
        const after = head.response(before.status);
        if (!after) return []; // the status itself is gone: response-status-removed says so
        return before.contents
          .filter((c) => !after.contents.some((h) => h.mediaType === c.mediaType))
          .map((c) => {
            const a = artifactsOf(head);
            const now = after.contents.map((h) => h.mediaType).join(", ") || "no body";
            return {
              operationId: head.operationId,
              where: `${whereOf(head)} response ${before.status} ${c.mediaType}`,
              message: `Response ${before.status} is no longer ${c.mediaType} (now: ${now}): clients parsing it fail.`,
              affects: [
                before.status.startsWith("2") ? a.result : a.errors,
                `${a.postman} (tests)`,
                a.mock(`answers ${before.status} as ${now}`),
              ],
            };
          });
      }),
    ),
} satisfies Rule;
