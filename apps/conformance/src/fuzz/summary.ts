// The one-screen summary of a fuzz run: the seed that reproduces it, a table of check × operation
// (passed, failed, undocumented), each failure's minimal case as a curl command, what the spec
// does not document, and why anything did not run. Plain text, masked by the caller.
import { CHECK_NAMES } from "./checks.ts";
import type { FuzzResult } from "./run.ts";

export interface SummaryContext {
  target: string;
  spec: string;
  rate: string;
}

export const rateText = (rate: number | undefined, loopback: boolean): string =>
  rate === undefined
    ? `unlimited${loopback ? " (loopback)" : ""}`
    : `${rate} requests/s${loopback ? "" : " (not loopback)"}`;

export function seedLine(seed: number): string {
  return `seed ${seed} (the same --seed ${seed} sends the same cases)`;
}

export function renderSummary(result: FuzzResult, context: SummaryContext): string {
  const out = [
    `Fuzzing ${context.target} against ${context.spec}`,
    `${seedLine(result.seed)}; ${result.maxExamples} examples per case kind; ${result.requests} of ${result.budget} requests; rate ${context.rate}; ${(result.durationMs / 1000).toFixed(1)} s`,
    "",
  ];
  const order = (check: string) => CHECK_NAMES.indexOf(check as never);
  const rows = [...result.tallies]
    .sort((a, b) => order(a.check) - order(b.check))
    .map((t) => [
      t.check,
      t.operationId,
      String(t.passed),
      String(t.failed),
      String(t.undocumented),
    ]);
  const head = ["check", "operation", "passed", "failed", "undocumented"];
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c >= 2 ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
      .join("  ")
      .trimEnd();
  out.push(line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line));

  if (result.failures.length > 0) {
    out.push("", "Failures, each shrunk to a minimal case (replay it with the curl command):");
    result.failures.forEach((f, i) => {
      const shrunk = f.shrinks > 0 ? `, shrunk in ${f.shrinks} steps` : "";
      out.push(`  ${i + 1}. ${f.check} — ${f.operationId}: ${f.label} → ${f.got}${shrunk}`);
      for (const problem of f.problems) out.push(`     - ${problem}`);
      if (f.note) out.push(`     (${f.note})`);
      out.push(`     ${f.curl}`);
    });
    const variables = new Set(
      result.failures.flatMap((f) => [...f.curl.matchAll(/\$\{(\w+)/g)].map((m) => m[1])),
    );
    if (variables.size > 0) {
      out.push(
        `  They read ${[...variables].join(", ")} from the environment (your credentials, a current token pair).`,
      );
    }
  }
  if (result.undocumented.length > 0) {
    out.push("", "Undocumented (the spec says nothing about these requests; not failures):");
    for (const u of result.undocumented) {
      out.push(`  ${u.operationId}: ${u.seen}${u.count > 1 ? ` (${u.count} cases)` : ""}`);
    }
  }
  if (result.notRun.length > 0) {
    out.push("", "Not run:");
    for (const { operationId, why } of result.notRun) out.push(`  ${operationId}: ${why}`);
  }
  if (result.connectionErrors.count > 0) {
    out.push(
      "",
      `Connection errors: ${result.connectionErrors.count} (last: ${result.connectionErrors.last})`,
    );
  }
  if (result.stopped) out.push("", `Stopped early: ${result.stopped}`);
  const failed = result.tallies.filter((t) => t.failed > 0).length;
  const undocumented = result.tallies.filter((t) => t.undocumented > 0).length;
  out.push(
    "",
    `Fuzzing ${result.ok ? "conforms" : "found problems"}: ${result.tallies.length - failed} of ${result.tallies.length} check × operation pairs passed${failed ? `, ${failed} failed` : ""}${undocumented ? `, ${undocumented} saw undocumented behaviour` : ""}${result.notRun.length ? `, ${result.notRun.length} operations not run` : ""}.`,
  );
  return out.join("\n");
}
