// Which head operation is which base operation: the same operationId, or else the same method and
// path (an operationId renamed in place). What is left over was removed or added.
import type { ApiModel } from "../model.ts";
import type { RuleContext } from "./types.ts";

export function contextOf(base: ApiModel, head: ApiModel): RuleContext {
  const unmatched = new Set(head.operations);
  const pairs: RuleContext["pairs"] = [];
  const leftover = base.operations.filter((b) => {
    const h = head.operations.find((o) => o.operationId === b.operationId);
    if (h) {
      pairs.push({ base: b, head: h });
      unmatched.delete(h);
    }
    return !h;
  });
  const removed = leftover.filter((b) => {
    const h = [...unmatched].find((o) => o.method === b.method && o.path === b.path);
    if (h) {
      pairs.push({ base: b, head: h });
      unmatched.delete(h);
    }
    return !h;
  });
  return { base, head, pairs, removed, added: [...unmatched] };
}
