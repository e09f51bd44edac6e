// What a fuzz run found, kept as it goes: a tally per check and operation, the minimal failure of
// each, the undocumented answers grouped by what was seen, and every case sent (as curl), in order.
import type { CheckName, CheckResult } from "./checks.ts";

export interface Tally {
  check: CheckName;
  operationId: string;
  passed: number;
  failed: number;
  undocumented: number;
}

export interface FailureReport {
  check: CheckName;
  operationId: string;
  /** The minimal case's kind, e.g. "company_name missing". */
  label: string;
  got: string;
  problems: string[];
  curl: string;
  /** Successful shrink steps from the first failing case to this one. */
  shrinks: number;
  note?: string;
}

export interface UndocumentedReport {
  /** The check that found nothing documented to judge by. */
  check: CheckName;
  operationId: string;
  kind: string;
  seen: string;
  count: number;
  /** The first such case. */
  curl: string;
}

export interface CaseRecord {
  operationId: string;
  kind: string;
  label: string;
  curl: string;
  got: string;
}

/** One case sent: what came back, and the checks' verdicts when something did. */
export type Executed =
  | { answered: true; got: string; results: CheckResult[] }
  | { answered: false; got: string };

const key = (...parts: string[]) => parts.join("\u0000");

export class Findings {
  readonly #tallies = new Map<string, Tally>();
  readonly #failures = new Map<string, FailureReport>();
  readonly #undocumented = new Map<string, UndocumentedReport>();
  readonly cases: CaseRecord[] = [];

  get tallies(): Tally[] {
    return [...this.#tallies.values()];
  }

  get failures(): FailureReport[] {
    return [...this.#failures.values()];
  }

  get undocumented(): UndocumentedReport[] {
    return [...this.#undocumented.values()];
  }

  /** Whether `check` already has its minimal failure for the operation (one is enough). */
  hasFailure(check: CheckName, operationId: string): boolean {
    return this.#failures.has(key(check, operationId));
  }

  addFailure(report: FailureReport): void {
    this.#failures.set(key(report.check, report.operationId), report);
  }

  /** Counts a case sent by the generator (shrinking's replays are not counted). */
  record(record: CaseRecord, executed: Executed): void {
    this.cases.push(record);
    if (!executed.answered) return;
    const { operationId } = record;
    for (const result of executed.results) {
      const tallyKey = key(result.check, operationId);
      const tally = this.#tallies.get(tallyKey) ?? {
        check: result.check,
        operationId,
        passed: 0,
        failed: 0,
        undocumented: 0,
      };
      this.#tallies.set(tallyKey, tally);
      if (result.verdict === "pass") tally.passed += 1;
      else if (result.verdict === "fail") tally.failed += 1;
      else {
        tally.undocumented += 1;
        const seen = `${record.kind} → ${result.problems.join("; ")}`;
        const group = key(result.check, operationId, seen);
        const known = this.#undocumented.get(group);
        if (known) known.count += 1;
        else {
          this.#undocumented.set(group, {
            check: result.check,
            operationId,
            kind: record.kind,
            seen,
            count: 1,
            curl: record.curl,
          });
        }
      }
    }
  }
}
