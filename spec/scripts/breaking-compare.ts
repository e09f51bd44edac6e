// Compares two spec files and says whether clients written against the first break on the second:
// Optic's breaking-changes ruleset plus our media-type check, in one readable report.
import { loadSpec } from "../index.ts";
import { removedMediaTypes } from "./breaking-media-types.ts";
import { runOptic } from "./breaking-optic.ts";

export interface Comparison {
  breaking: boolean;
  /** Every problem, one line each: Optic's `[rule] message` lines, then our media-type lines. */
  problems: string[];
  /** Optic's full changelog (all changes, breaking or not), for the human reading the output. */
  changelog: string;
}

export async function compareSpecFiles(
  baseFile: string,
  headFile: string,
  sandbox: string,
): Promise<Comparison> {
  const optic = await runOptic(baseFile, headFile, sandbox);
  // Each failed check is an `x [rule] message` line, followed by an `at file:line:col` line.
  const lines = optic.output.split("\n").map((line) => line.trim());
  const opticProblems = lines.flatMap((line, i) => {
    if (!line.startsWith("x [")) return [];
    const at = lines[i + 1]?.startsWith("at ") ? ` (${lines[i + 1]})` : "";
    return [`${line.slice(2)}${at}`];
  });
  if (optic.code !== 0 && opticProblems.length === 0) {
    // Optic failed without a check failing (unreadable spec, crash): never report "safe".
    opticProblems.push(`optic failed (exit ${optic.code}): ${optic.output.split("\n")[0]}`);
  }
  const mediaProblems = removedMediaTypes(loadSpec(baseFile), loadSpec(headFile)).map(
    (text) => `[media type removed] ${text}`,
  );
  const problems = [...opticProblems, ...mediaProblems];
  return { breaking: problems.length > 0, problems, changelog: optic.output };
}
