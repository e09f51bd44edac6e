// The breaking-change gate as the release reads it: `node spec/scripts/breaking.ts --base <tag>`
// with --json (its GateResult) and --markdown (the changelog section), as the gate documents them.
// Only the CLI is read, so the release depends on no module of the gate.
import { spawnSync } from "node:child_process";
import { repoRoot } from "./packages.ts";

export type Bump = "major" | "minor" | "patch" | "none";
const BUMPS: readonly Bump[] = ["major", "minor", "patch", "none"];

/** The part of the gate's GateResult the release reads. */
export interface GateVerdict {
  base: { ref?: string; version: string };
  head: { version: string };
  findings: { level: string; message: string }[];
  requiredBump: Bump;
  actualBump: Bump;
  ok: boolean;
  suggestedVersion: string;
}

/** Parses the gate's --json output, refusing anything that is not the contract's shape. */
export function parseVerdict(json: string): GateVerdict {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new Error(
      `the gate's --json output is not JSON: ${json.slice(0, 200) || "(it printed nothing)"}`,
    );
  }
  const verdict = value as Partial<GateVerdict> | null;
  const problems = [
    typeof verdict?.base?.version === "string" ? "" : "base.version",
    typeof verdict?.head?.version === "string" ? "" : "head.version",
    Array.isArray(verdict?.findings) ? "" : "findings",
    BUMPS.includes(verdict?.requiredBump as Bump) ? "" : "requiredBump",
    BUMPS.includes(verdict?.actualBump as Bump) ? "" : "actualBump",
    typeof verdict?.ok === "boolean" ? "" : "ok",
    typeof verdict?.suggestedVersion === "string" ? "" : "suggestedVersion",
  ].filter(Boolean);
  if (problems.length > 0) {
    throw new Error(`the gate's --json output lacks or mistypes: ${problems.join(", ")}`);
  }
  return verdict as GateVerdict;
}

export type Decision =
  | { release: true; version: string; bump: Bump; summary: string }
  | { release: false; reason: string };

/** The gate's version rule applied to a release from `tag`: the version to release, or why not. */
export function decide(verdict: GateVerdict, tag: string): Decision {
  const { base, head, requiredBump, actualBump, findings } = verdict;
  const changes =
    findings.length === 0
      ? `no spec change since ${tag}`
      : `${findings.length} spec change${findings.length === 1 ? "" : "s"} since ${tag} needing a ${requiredBump} bump`;
  if (!verdict.ok) {
    return {
      release: false,
      reason: `${changes}, and info.version ${base.version} → ${head.version} is ${actualBump === "none" ? "no bump" : `a ${actualBump} bump`}: set info.version in spec/openapi.yaml to ${verdict.suggestedVersion}, then run the release again`,
    };
  }
  if (`v${head.version}` === tag || actualBump === "none") {
    return {
      release: false,
      reason: `info.version ${head.version} is the version of ${tag}, already released: raise info.version in spec/openapi.yaml (a patch bump at least) to release again`,
    };
  }
  return {
    release: true,
    version: head.version,
    bump: actualBump,
    summary: `${changes}; info.version ${base.version} → ${head.version} is a ${actualBump} bump: ok`,
  };
}

/** The gate's script; a test may run another (a stand-in that prints a contract-shaped answer). */
export const GATE_SCRIPT = "spec/scripts/breaking.ts";

function runGateCli(tag: string, format: "--json" | "--markdown", root: string, script: string) {
  const gate = spawnSync(process.execPath, [script, "--base", tag, format], {
    cwd: root,
    encoding: "utf8",
  });
  // 0: the bump suffices; 1: it does not (the verdict says so, in the same format); 2: malformed.
  if (gate.status !== 0 && gate.status !== 1) {
    throw new Error(
      `the breaking-change gate failed (exit ${gate.status}): node ${script} --base ${tag} ${format}\n${gate.stderr}`,
    );
  }
  return { stdout: gate.stdout, stderr: gate.stderr };
}

/** Runs the gate against `tag`: its verdict and its changelog section. */
export function runGate(tag: string, root = repoRoot, script = GATE_SCRIPT) {
  const json = runGateCli(tag, "--json", root, script);
  let verdict: GateVerdict;
  try {
    verdict = parseVerdict(json.stdout);
  } catch (error) {
    // What the gate said instead, e.g. that it does not know --json.
    throw new Error(`${(error as Error).message}\n${json.stderr}`.trimEnd());
  }
  const markdown = runGateCli(tag, "--markdown", root, script).stdout;
  return { verdict, markdown };
}
