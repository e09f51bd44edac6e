// Compares two spec files and says whether clients written against the first break on the second:
// Optic's breaking-changes ruleset plus our media-type check, in one readable report.
import { loadSpec, type OpenApiDocument } from "../index.ts";
import { removedMediaTypes } from "./breaking-media-types.ts";
import { runOptic } from "./breaking-optic.ts";

export interface Comparison {
  breaking: boolean;
  /** Every problem, one line each: Optic's `[rule] message` lines, then our media-type lines. */
  problems: string[];
  /** Optic's full changelog (all changes, breaking or not), for the human reading the output. */
  changelog: string;
}

const major = (doc: OpenApiDocument) =>
  Number(String((doc.info as { version?: unknown } | undefined)?.version ?? "0").split(".")[0]);

/**
 * A raised `info.version` major declares a deliberate breaking release. Optic then skips its
 * breaking-changes rules (its default `skip_when_major_version_changes`); ours follow suit.
 */
export function isMajorBump(base: OpenApiDocument, head: OpenApiDocument): boolean {
  return major(head) > major(base);
}

export async function compareSpecFiles(
  baseFile: string,
  headFile: string,
  sandbox: string,
): Promise<Comparison> {
  const optic = await runOptic(baseFile, headFile, sandbox);
  const opticProblems = optic.output
    .split("\n")
    .filter((line) => /^\s*x \[/.test(line))
    .map((line) => line.trim().replace(/^x /, ""));
  if (optic.code !== 0 && opticProblems.length === 0) {
    // Optic failed without a check failing (unreadable spec, crash): never report "safe".
    opticProblems.push(`optic failed (exit ${optic.code}): ${optic.output.split("\n")[0]}`);
  }
  const base = loadSpec(baseFile);
  const head = loadSpec(headFile);
  const mediaProblems = isMajorBump(base, head)
    ? []
    : removedMediaTypes(base, head).map((text) => `[media type removed] ${text}`);
  const problems = [...opticProblems, ...mediaProblems];
  return { breaking: problems.length > 0, problems, changelog: optic.output };
}
