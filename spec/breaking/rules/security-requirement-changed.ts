// An operation that requires other credentials than before (a different set of schemes, on the
// wire — a scheme renamed with the same definition changes nothing).
import { whereOf } from "../affects.ts";
import { securityAffects, wireOf } from "../security.ts";
import type { Rule } from "../types.ts";

const names = (list: { name: string }[]) =>
  list
    .map((s) => s.name)
    .sort()
    .join(" + ");

export default {
  id: "security-requirement-changed",
  level: "breaking",
  summary: "an operation's security requirement changed to other schemes",
  check: ({ pairs }) =>
    pairs
      .filter(({ base, head }) => base.security.length > 0 && head.security.length > 0)
      .filter(({ base, head }) => names(base.security) !== names(head.security))
      .filter(({ base, head }) => {
        const wire = new Set(base.security.map(wireOf));
        return head.security.some((s) => !wire.has(wireOf(s)));
      })
      .map(({ base, head }) => ({
        operationId: head.operationId,
        where: `${whereOf(head)} security`,
        message: `${head.operationId} requires ${names(head.security)} instead of ${names(base.security)}: callers sending the old credentials get 401.`,
        affects: securityAffects(base, head, "answers 401 to the old credentials"),
      })),
} satisfies Rule;
