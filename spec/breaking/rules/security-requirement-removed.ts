// An operation that no longer requires credentials: callers still send them (harmless), but the
// client method stops taking the token and the docs stop asking for it. A warning: check it is meant.
import { whereOf } from "../affects.ts";
import { securityAffects } from "../security.ts";
import type { Rule } from "../types.ts";

export default {
  id: "security-requirement-removed",
  level: "warning",
  summary: "an operation's security requirement removed",
  check: ({ pairs }) =>
    pairs
      .filter(({ base, head }) => base.security.length > 0 && head.security.length === 0)
      .map(({ base, head }) => ({
        operationId: head.operationId,
        where: `${whereOf(head)} security`,
        message: `${head.operationId} no longer requires ${base.security.map((s) => s.name).join(" + ")}: anyone can call it.`,
        affects: securityAffects(base, head, "serves it without credentials"),
      })),
} satisfies Rule;
