// Conformance of a deployment to the spec, as a function: plan the checks from the spec, run them
// one after another (a real deployment deserves no burst), and render a masked report.
import { loadSpec, type OpenApiDocument } from "@klearstack/spec";
import { planChecks } from "./checks.ts";
import { Masker, printableUrl } from "./mask.ts";
import { type Outcome, runCheck } from "./run.ts";
import { renderTable } from "./table.ts";
import { createValidator } from "./validate.ts";

export { MASK } from "./mask.ts";

export interface ConformanceOptions {
  baseUrl: URL;
  /** Form field values (e.g. user_id, company_name); the spec's examples fill the rest. */
  fields?: Record<string, string>;
  /** Per request. Default 10 s. */
  timeoutMs?: number;
  spec?: OpenApiDocument;
}

export interface ConformanceResult {
  ok: boolean;
  outcomes: Outcome[];
  /** The full report, tokens masked. */
  report: string;
}

export async function runConformance(options: ConformanceOptions): Promise<ConformanceResult> {
  const spec = options.spec ?? loadSpec();
  const masker = new Masker();
  const validate = createValidator(spec);
  const checks = planChecks(spec, { fields: options.fields ?? {} });
  const outcomes: Outcome[] = [];
  for (const check of checks) {
    outcomes.push(
      await runCheck(check, {
        baseUrl: options.baseUrl,
        timeoutMs: options.timeoutMs ?? 10_000,
        validate,
        masker,
      }),
    );
  }
  const info = spec.info as { title: string; version: string };
  const title = `Conformance of ${printableUrl(options.baseUrl)} to ${info.title} ${info.version}`;
  // Masked once more as a whole: a token learned late must not survive in an earlier row.
  const report = masker.mask(`${title}\n\n${renderTable(outcomes)}`);
  return { ok: outcomes.every((o) => o.pass), outcomes, report };
}
