// The gate's vocabulary (the contract with the release command, /work/briefs/gate-contract.md):
// a finding per change, its level, and the version rule's verdict.
import type { ApiModel, OperationModel } from "../model.ts";

/** breaking => major; addition => minor; warning and patch => patch. */
export type Level = "breaking" | "warning" | "addition" | "patch";

export interface Finding {
  /** kebab-case id of the rule that found it, e.g. "request-field-max-length-decreased". */
  rule: string;
  level: Level;
  /** The operation it concerns (head's, or base's when removed). */
  operationId?: string;
  /** Human location, e.g. "POST /access/klearstack/get_access_token request field password". */
  where: string;
  /** One sentence: what changed and what it does to a caller. */
  message: string;
  /** Which artifact changes for users: client method or type, CLI subcommand, flag or variable,
   * Postman request, mock behaviour, docs anchor. */
  affects: string[];
}

export type Bump = "major" | "minor" | "patch" | "none";

export interface GateResult {
  base: { ref?: string; version: string };
  head: { version: string };
  findings: Finding[];
  /** From the findings (none when there is no finding). */
  requiredBump: Bump;
  /** From base.version to head.version (semver). */
  actualBump: Bump;
  /** actualBump is at least requiredBump. */
  ok: boolean;
  /** The smallest version satisfying requiredBump (head.version when ok). */
  suggestedVersion: string;
}

/** An operation of the base and the same operation of the head (same operationId, or the same
 * method and path when the operationId changed). */
export interface OperationPair {
  base: OperationModel;
  head: OperationModel;
}

export interface RuleContext {
  base: ApiModel;
  head: ApiModel;
  pairs: OperationPair[];
  /** Base operations with no counterpart in the head. */
  removed: OperationModel[];
  /** Head operations with no counterpart in the base. */
  added: OperationModel[];
}

/** What a rule reports; the engine adds the rule's id and level. */
export type Report = Omit<Finding, "rule" | "level">;

export interface Rule {
  id: string;
  level: Level;
  /** What the rule catches, for the README's table. */
  summary: string;
  check(context: RuleContext): Report[];
}
