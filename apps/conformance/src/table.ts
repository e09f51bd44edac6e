// The pass/fail table, plain text so it reads the same in a terminal, a CI log or a ticket. Rows
// come in the order they ran (the chain's order), then the operations that could not run.
import type { Outcome } from "./run.ts";

const RESULT = { pass: "PASS", fail: "FAIL", "not run": "NOT RUN" } as const;

export function renderTable(outcomes: Outcome[]): string {
  const rows = outcomes.map((o, i) => [
    String(i + 1),
    o.check.operation.operationId,
    o.check.mediaType ?? "(no body)",
    o.check.name,
    `${o.check.expect.status} ${o.check.expect.mediaType ?? "(no body)"}`,
    o.got,
    RESULT[o.result],
  ]);
  const head = ["#", "operation", "request encoding", "check", "expected", "got", "result"];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => cell.padEnd(widths[c] ?? 0))
      .join("  ")
      .trimEnd();
  const out = [line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];

  const failed = outcomes.filter((o) => o.result === "fail");
  if (failed.length > 0) {
    out.push("", "Failures:");
    for (const o of failed) {
      const where = `${o.check.operation.operationId}, ${o.check.mediaType ?? "no body"}`;
      out.push(`  ${outcomes.indexOf(o) + 1}. ${o.check.name} (${where})`);
      for (const problem of o.problems) out.push(`     - ${problem}`);
    }
  }
  const notRun = outcomes.filter((o) => o.result === "not run");
  // One line per operation and reason: every check of an operation shares why it could not run.
  const reasons = new Set(
    notRun.map((o) => `  ${o.check.operation.operationId}: ${o.problems.join("; ")}`),
  );
  if (reasons.size > 0) out.push("", "Not run:", ...reasons);
  const passed = outcomes.length - failed.length - notRun.length;
  const tail = [
    failed.length ? `, ${failed.length} failed` : "",
    notRun.length ? `, ${notRun.length} not run` : "",
  ].join("");
  out.push("", `${passed}/${outcomes.length} checks passed${tail}.`);
  return out.join("\n");
}
