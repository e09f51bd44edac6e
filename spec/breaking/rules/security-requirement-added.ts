// An operation that took no credentials now requires some: every existing caller gets 401.
import { whereOf } from "../affects.ts";
import { securityAffects } from "../security.ts";
import type { Rule } from "../types.ts";

export default {
  id: "security-requirement-added",
  level: "breaking",
  summary: "a security requirement added to an operation that had none",
  check: ({ pairs }) =>
    pairs
      .filter(({ base, head }) => base.security.length === 0 && head.security.length > 0)
      .map(({ base, head }) => ({
        operationId: head.operationId,
        where: `${whereOf(head)} security`,
        message: `${head.operationId} now requires ${head.security.map((s) => s.name).join(" + ")}: every existing caller gets 401.`,
        affects: securityAffects(base, head, "answers 401 without credentials"),
      })),
} satisfies Rule;
