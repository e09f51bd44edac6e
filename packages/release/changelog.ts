// CHANGELOG.md: one section per release, newest first, each written by the release from the
// breaking-change gate's markdown (or, for the first release, from the operation model).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { ApiModel } from "@klearstack/spec";

export const CHANGELOG_HEADER = `# Changelog

Every version of \`@klearstack/client\` and \`@klearstack/mock\` is the spec's \`info.version\`.
Each section is written by \`npm run release\` from the breaking-change gate's report of what changed
in \`spec/openapi.yaml\` since the previous release tag (README.md, "Release").
`;

/** The first release's section: every operation of the spec is new. */
export function firstReleaseSection(model: ApiModel): string {
  const lines = model.operations.map(
    (op) =>
      `- \`${op.operationId}\`: \`${op.method.toUpperCase()} ${op.path}\`${op.summary ? `, ${op.summary.replace(/\.$/, "")}` : ""}`,
  );
  return `## ${model.version}\n\nFirst release.\n\n### Added\n\n${lines.join("\n")}\n`;
}

/**
 * `changelog` with `section` (which starts with "## <version>") in place: a section of the same
 * version is replaced, so running the release twice writes the entry once; otherwise it goes
 * first, under the header.
 */
export function withSection(changelog: string, section: string): string {
  const versionOf = (part: string) => /^## (\S+)/.exec(part)?.[1];
  const version = versionOf(section);
  if (version === undefined) {
    throw new Error(`a changelog section starts with "## <version>": ${section.slice(0, 80)}`);
  }
  const parts = (changelog.trim() === "" ? CHANGELOG_HEADER : changelog).split(/^(?=## )/m);
  const header = parts[0]?.startsWith("## ") ? "" : (parts.shift() ?? "");
  const others = parts.filter((part) => versionOf(part) !== version);
  const kept = [header, section, ...others].map((part) => part.trim()).filter((part) => part);
  return `${kept.join("\n\n")}\n`;
}

export function writeChangelogSection(file: string, section: string): void {
  const current = existsSync(file) ? readFileSync(file, "utf8") : "";
  writeFileSync(file, withSection(current, section));
}
