// The gate's two readings: for the maintainer at the terminal, and a CHANGELOG section for the
// release (`## <version>` then Breaking, Added, Changed).
import type { Finding, GateResult, Level } from "./types.ts";

const headings: [Level, string][] = [
  ["breaking", "Breaking"],
  ["warning", "Warnings"],
  ["addition", "Additions"],
  ["patch", "Patch-level changes"],
];
const marks: Record<Level, string> = { breaking: "✘", warning: "!", addition: "+", patch: "·" };

export function renderHuman(result: GateResult): string {
  const at = result.base.ref ? ` at ${result.base.ref}` : "";
  const lines = [
    `info.version ${result.base.version}${at} → ${result.head.version} (working tree)`,
    "",
  ];
  if (result.findings.length === 0) lines.push("No change to the API.", "");
  for (const [level, heading] of headings) {
    const group = result.findings.filter((f) => f.level === level);
    if (group.length === 0) continue;
    lines.push(`${heading} (${group.length})`);
    for (const f of group) {
      lines.push(`  ${marks[level]} [${f.rule}] ${f.where}`, `      ${f.message}`);
      if (f.affects.length > 0) lines.push(`      affects: ${f.affects.join("; ")}`);
    }
    lines.push("");
  }
  const needs = `These changes need a ${result.requiredBump} version bump`;
  const made = `${result.base.version} → ${result.head.version} is ${result.actualBump === "none" ? "no bump" : `a ${result.actualBump} bump`}`;
  if (result.requiredBump === "none") lines.push("✔ Nothing to bump.");
  else if (result.ok) lines.push(`✔ ${needs}; ${made}: enough.`);
  else {
    lines.push(`✘ ${needs}; ${made}.`);
    lines.push(`  Set info.version to ${result.suggestedVersion} in the spec.`);
    if (result.requiredBump === "major") {
      lines.push(
        "  Existing clients break: keep the old behaviour alongside the new if you can, and tell integrators before merging.",
      );
    }
  }
  return lines.join("\n");
}

const item = (f: Finding) =>
  `- ${f.operationId ? `\`${f.operationId}\`: ` : ""}${f.message} (${f.where}; rule \`${f.rule}\`${f.level === "warning" ? ", warning" : ""})`;

export function renderMarkdown(result: GateResult): string {
  const sections: [string, Level[]][] = [
    ["Breaking", ["breaking"]],
    ["Added", ["addition"]],
    ["Changed", ["warning", "patch"]],
  ];
  const lines = [`## ${result.head.version}`, ""];
  for (const [heading, levels] of sections) {
    const group = result.findings.filter((f) => levels.includes(f.level));
    if (group.length === 0) continue;
    lines.push(`### ${heading}`, "", ...group.map(item), "");
  }
  if (result.findings.length === 0) lines.push("No API change.", "");
  return lines.join("\n");
}
