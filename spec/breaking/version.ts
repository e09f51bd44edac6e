// The version rule: the change a version bump announces (semver, via the `semver` package) against
// the change the findings need. breaking → major, addition → minor, warning and patch → patch.
import semver from "semver";
import type { Bump, Finding, Level } from "./types.ts";

const rank: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };
const bumpOfLevel: Record<Level, Bump> = {
  breaking: "major",
  addition: "minor",
  warning: "patch",
  patch: "patch",
};

export function requiredBump(findings: readonly Finding[]): Bump {
  return findings.reduce<Bump>(
    (most, f) => (rank[bumpOfLevel[f.level]] > rank[most] ? bumpOfLevel[f.level] : most),
    "none",
  );
}

function parsed(version: string, which: string): semver.SemVer {
  const v = semver.parse(version);
  if (!v) throw new Error(`${which} info.version "${version}" is not a semantic version (x.y.z)`);
  return v;
}

/** The bump from one version to the next; "none" when the head is not above the base. */
export function bumpBetween(base: string, head: string): Bump {
  const [b, h] = [parsed(base, "the base's"), parsed(head, "the working tree's")];
  if (semver.lte(h, b)) return "none";
  if (h.major > b.major) return "major";
  if (h.minor > b.minor) return "minor";
  return "patch";
}

export const enough = (actual: Bump, required: Bump): boolean => rank[actual] >= rank[required];

/** The smallest version above `base` that announces `bump`. */
export function nextVersion(base: string, bump: Bump): string {
  if (bump === "none") return base;
  return semver.inc(parsed(base, "the base's"), bump) ?? base;
}
