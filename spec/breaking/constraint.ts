// The shape shared by the request-constraint rules: for each request field present at both ends,
// compare one keyword of its schema (allOf merged) and report when the change goes one way.
import { artifactsOf } from "./affects.ts";
import type { Level, Rule } from "./types.ts";
import { facts, fieldWhere, requestFieldPairs, shown } from "./walk.ts";

type Change = (base: unknown, head: unknown) => boolean;
const num = (value: unknown, fallback: number) => (typeof value === "number" ? value : fallback);
const values = (value: unknown) => (Array.isArray(value) ? value : undefined);

/** A lower bound (minLength, minimum, …) raised or added. */
export const lowerRaised: Change = (b, h) => h !== undefined && num(h, 0) > num(b, -Infinity);
/** A minimum length raised (an absent one is 0, so `minLength: 0` added is no change). */
export const lengthRaised: Change = (b, h) => num(h, 0) > num(b, 0);
/** An upper bound (maxLength, maximum, …) lowered or added. */
export const upperLowered: Change = (b, h) => h !== undefined && num(h, 0) < num(b, Infinity);
export const added: Change = (b, h) => b === undefined && h !== undefined;
export const changed: Change = (b, h) => b !== undefined && h !== undefined && b !== h;
/** An enum added, or a value it listed gone. */
export const enumNarrowed: Change = (b, h) =>
  values(h) !== undefined &&
  (values(b) === undefined || (values(b) ?? []).some((v) => !values(h)?.includes(v)));

/** The opposite directions, all patch-level for a request. */
export const lowerLowered: Change = (b, h) => b !== undefined && num(h, -Infinity) < num(b, 0);
export const upperRaised: Change = (b, h) => b !== undefined && num(h, Infinity) > num(b, 0);
export const removed: Change = (b, h) => b !== undefined && h === undefined;
export const enumWidened: Change = (b, h) =>
  values(b) !== undefined &&
  (values(h) === undefined || (values(h) ?? []).some((v) => !values(b)?.includes(v)));

export function requestConstraintRule(options: {
  id: string;
  summary: string;
  level?: Level;
  /** keyword → the change this rule reports. */
  keywords: Record<string, Change>;
  /** What it does to a caller, ending the message. */
  consequence?: string;
}): Rule {
  const consequence = options.consequence ?? "values accepted before are now refused";
  return {
    id: options.id,
    level: options.level ?? "breaking",
    summary: options.summary,
    check: ({ pairs }) =>
      pairs.flatMap((pair) =>
        requestFieldPairs(pair).flatMap(({ op, base, head }) => {
          const [b, h] = [facts(base.schema), facts(head.schema)];
          return Object.entries(options.keywords)
            .filter(([keyword, change]) => change(b[keyword], h[keyword]))
            .map(([keyword]) => {
              const a = artifactsOf(op);
              return {
                operationId: op.operationId,
                where: fieldWhere(op, head.name),
                message: `${head.name}: ${keyword} ${shown(b[keyword])} → ${shown(h[keyword])}; ${consequence}.`,
                affects:
                  options.level === "patch"
                    ? [a.input, a.mock(`accepts more ${head.name} values`)]
                    : [a.input, a.field(head), a.mock(`refuses ${head.name} values it accepted`)],
              };
            });
        }),
      ),
  };
}
