// The pass/fail table, plain text so it reads the same in a terminal, a CI log or a ticket.
import type { Outcome } from "./run.ts";

export function renderTable(outcomes: Outcome[]): string {
  const rows = outcomes.map((o, i) => [
    String(i + 1),
    o.check.mediaType,
    o.check.name,
    `${o.check.expect.status} ${o.check.expect.mediaType}`,
    o.got,
    o.pass ? "PASS" : "FAIL",
  ]);
  const head = ["#", "request encoding", "check", "expected", "got", "result"];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => cell.padEnd(widths[c] ?? 0))
      .join("  ")
      .trimEnd();
  const out = [line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];

  const failed = outcomes.filter((o) => !o.pass);
  if (failed.length > 0) {
    out.push("", "Failures:");
    for (const o of failed) {
      out.push(`  ${outcomes.indexOf(o) + 1}. ${o.check.name} (${o.check.mediaType})`);
      for (const problem of o.problems) out.push(`     - ${problem}`);
    }
  }
  const passed = outcomes.length - failed.length;
  out.push(
    "",
    `${passed}/${outcomes.length} checks passed${failed.length ? `, ${failed.length} failed` : ""}.`,
  );
  return out.join("\n");
}
