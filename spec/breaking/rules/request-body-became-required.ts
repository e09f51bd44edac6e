// A request body that was optional (or absent) is now required: calls that sent none are refused.
import { artifactsOf, whereOf } from "../affects.ts";
import type { Rule } from "../types.ts";

export default {
  id: "request-body-became-required",
  level: "breaking",
  summary: "the request body made required",
  check: ({ pairs }) =>
    pairs
      .filter(
        ({ base, head }) => head.request?.required === true && base.request?.required !== true,
      )
      .map(({ head }) => {
        const a = artifactsOf(head);
        return {
          operationId: head.operationId,
          where: `${whereOf(head)} request body`,
          message: "The request body is now required: calls that sent none are refused.",
          affects: [a.input, a.command, a.postman, a.mock("refuses a call without a body")],
        };
      }),
} satisfies Rule;
