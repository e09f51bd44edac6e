// Machine-readable reports of a fuzz run for CI: JSON (everything, every case sent included) and
// JUnit XML (a test suite per operation, a test case per check, a failure with the minimal case).
// Every string goes through the masker before it is serialized, so escaping cannot hide a secret
// from it.
import type { SecretMasker } from "@klearstack/spec";
import { CHECKS } from "./checks.ts";
import type { FuzzResult } from "./run.ts";

export interface ReportContext {
  baseUrl: string;
  spec: { title: string; version: string };
  masker: SecretMasker;
}

export function jsonReport(result: FuzzResult, context: ReportContext): string {
  const report = {
    tool: "@klearstack/conformance --fuzz",
    spec: context.spec,
    baseUrl: context.baseUrl,
    seed: result.seed,
    maxExamples: result.maxExamples,
    budget: result.budget,
    rate: result.rate ?? null,
    requests: result.requests,
    durationMs: Math.round(result.durationMs),
    ok: result.ok,
    stopped: result.stopped ?? null,
    checks: CHECKS,
    results: result.tallies.map((tally) => ({
      ...tally,
      failure:
        result.failures.find(
          (f) => f.check === tally.check && f.operationId === tally.operationId,
        ) ?? null,
    })),
    undocumented: result.undocumented,
    notRun: result.notRun,
    connectionErrors: result.connectionErrors,
    cases: result.cases,
  };
  return `${JSON.stringify(report, (_key, value) => (typeof value === "string" ? context.masker.mask(value) : value), 2)}\n`;
}

/** Whether XML 1.0 can carry this code point (a lone surrogate or most controls it cannot). */
const xmlChar = (cp: number) =>
  cp === 0x9 ||
  cp === 0xa ||
  cp === 0xd ||
  (cp >= 0x20 && cp <= 0xd7ff) ||
  (cp >= 0xe000 && cp <= 0xfffd) ||
  cp >= 0x10000;

/** XML 1.0 text: escaped, characters XML cannot carry replaced by U+FFFD. */
export function xml(text: string): string {
  return [...text]
    .map((c) => (xmlChar(c.codePointAt(0) ?? 0) ? c : "\ufffd"))
    .join("")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

export function junitReport(result: FuzzResult, context: ReportContext): string {
  const m = (text: string) => xml(context.masker.mask(text));
  const operations = [
    ...new Set([
      ...result.tallies.map((t) => t.operationId),
      ...result.notRun.map((n) => n.operationId),
    ]),
  ];
  const suites = operations.map((operationId) => {
    const tallies = result.tallies.filter((t) => t.operationId === operationId);
    const notRun = result.notRun.find((n) => n.operationId === operationId);
    const cases = tallies.map((t) => {
      const failure = result.failures.find(
        (f) => f.check === t.check && f.operationId === operationId,
      );
      const counts = `passed ${t.passed}, failed ${t.failed}, undocumented ${t.undocumented}`;
      const body = failure
        ? `\n      <failure message="${m(`${failure.label} → ${failure.got}: ${failure.problems[0] ?? ""}`)}" type="${t.check}">${m(
            [...failure.problems, failure.note ?? "", failure.curl].filter(Boolean).join("\n"),
          )}</failure>`
        : "";
      const undocumented = result.undocumented
        .filter((u) => u.operationId === operationId && u.check === t.check)
        .map((u) => `undocumented: ${u.seen} (${u.count} cases)\n  ${u.curl}`);
      const out = [`${CHECKS[t.check]}`, counts, ...undocumented].join("\n");
      return `    <testcase name="${t.check}" classname="${xml(operationId)}" time="0">${body}\n      <system-out>${m(out)}</system-out>\n    </testcase>`;
    });
    if (notRun) {
      cases.push(
        `    <testcase name="not run" classname="${xml(operationId)}" time="0">\n      <error message="${m(notRun.why)}" type="not run"/>\n    </testcase>`,
      );
    }
    const failures = tallies.filter((t) => t.failed > 0).length;
    return `  <testsuite name="${xml(operationId)}" tests="${cases.length}" failures="${failures}" errors="${notRun ? 1 : 0}" skipped="0">\n${cases.join("\n")}\n  </testsuite>`;
  });
  const problems = [
    result.stopped ? `stopped early: ${result.stopped}` : "",
    result.connectionErrors.count
      ? `${result.connectionErrors.count} connection errors (last: ${result.connectionErrors.last})`
      : "",
  ].filter(Boolean);
  // The run itself is a test case too: a run that stopped early or lost requests is not a pass.
  const run = `  <testsuite name="fuzz run" tests="1" failures="0" errors="${problems.length ? 1 : 0}" skipped="0">\n    <testcase name="run" classname="fuzz run" time="${(result.durationMs / 1000).toFixed(3)}">${
    problems.length ? `\n      <error message="${m(problems.join("; "))}" type="run"/>` : ""
  }\n      <system-out>${m(`seed ${result.seed}; ${result.requests} of ${result.budget} requests; ${context.spec.title} ${context.spec.version} at ${context.baseUrl}`)}</system-out>\n    </testcase>\n  </testsuite>`;
  const tests = result.tallies.length + result.notRun.length + 1;
  const failures = result.tallies.filter((t) => t.failed > 0).length;
  const errors = result.notRun.length + (problems.length ? 1 : 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${m(`conformance --fuzz: ${context.spec.title} ${context.spec.version}`)}" tests="${tests}" failures="${failures}" errors="${errors}">\n${[...suites, run].join("\n")}\n</testsuites>\n`;
}
