// The engine: pair the operations of two operation models, run every rule, and judge the version.
import { type ApiModel, loadApiModel, type OpenApiLike } from "../model.ts";
import { contextOf } from "./pairs.ts";
import { rules } from "./rules/index.ts";
import type { Finding, GateResult, Level } from "./types.ts";
import { bumpBetween, enough, nextVersion, requiredBump } from "./version.ts";

const order: Level[] = ["breaking", "warning", "addition", "patch"];

/** The document without what no rule judges: info.version (the version rule reads it). */
function comparable(model: ApiModel): string {
  const { info, ...rest } = model.resolved as OpenApiLike & { info?: Record<string, unknown> };
  const { version: _, ...infoRest } = info ?? {};
  return canonical({ ...rest, info: infoRest });
}

/** JSON with object keys sorted, so that reordering alone is no change. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Every finding, breaking first, each once. Pure and synchronous: the models are already read. */
export function compareModels(base: ApiModel, head: ApiModel): Finding[] {
  const context = contextOf(base, head);
  const seen = new Set<string>();
  const findings = rules
    .flatMap((rule) =>
      rule
        .check(context)
        .map((report): Finding => ({ rule: rule.id, level: rule.level, ...report })),
    )
    .filter((f) => {
      const key = `${f.rule}\n${f.where}\n${f.message}`;
      return !seen.has(key) && seen.add(key);
    })
    .sort((a, b) => order.indexOf(a.level) - order.indexOf(b.level));
  if (findings.length === 0 && comparable(base) !== comparable(head)) {
    // An edit no rule names (info, tags, servers, a schema's wording…): not nothing, a patch.
    findings.push({
      rule: "document-changed",
      level: "patch",
      where: "the document",
      message:
        "The document changed in a way no rule classifies (info, tags, servers, schema text…).",
      affects: ["docs page"],
    });
  }
  return findings;
}

export function gateModels(base: ApiModel, head: ApiModel, baseRef?: string): GateResult {
  return judge(compareModels(base, head), base.version, head.version, baseRef);
}

export function judge(
  findings: Finding[],
  baseVersion: string,
  headVersion: string,
  baseRef?: string,
): GateResult {
  const required = requiredBump(findings);
  const actual = bumpBetween(baseVersion, headVersion);
  const ok = enough(actual, required);
  return {
    base: { ...(baseRef === undefined ? {} : { ref: baseRef }), version: baseVersion },
    head: { version: headVersion },
    findings,
    requiredBump: required,
    actualBump: actual,
    ok,
    suggestedVersion: ok ? headVersion : nextVersion(baseVersion, required),
  };
}

const modelOf = (document: object) => loadApiModel({ document: document as OpenApiLike });

/** Two parsed documents (as written, `$ref`s and all): read into the model, then compared. */
export async function compareDocuments(base: object, head: object): Promise<Finding[]> {
  return compareModels(await modelOf(base), await modelOf(head));
}

export async function gate(base: object, head: object, baseRef?: string): Promise<GateResult> {
  return gateModels(await modelOf(base), await modelOf(head), baseRef);
}
