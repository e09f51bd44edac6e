// Benchmark: one breaking-change comparison (both documents read into the operation model, every
// rule run, the version judged) of the real spec against an edited copy, printed against two
// baselines measured in the same run: reading ONE document into the model, and parsing the spec's
// YAML. Target: ≤ 1 s per comparison. The figures live in the README beside `npm run bench`.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { compareModels, gate } from "../breaking/index.ts";
import { loadApiModel, loadSpec, specPath } from "../index.ts";

const warmup = 5;
const runs = 40;
const target = 1000;

const base = loadSpec();
const head = loadSpec();
// A realistic edit: a tightened request field, a removed response status, a reworded summary.
const schemas = head.components.schemas;
Object.assign(schemas.Password ?? {}, { maxLength: 64 });
const [firstPath] = Object.keys(head.paths);
const firstOp = Object.values(head.paths[firstPath ?? ""] ?? {})[0];
if (!firstOp) throw new Error("the spec has no operation to edit");
delete firstOp.responses["500"];
firstOp.summary = `${firstOp.summary ?? ""} (edited)`;
const text = readFileSync(specPath, "utf8");

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? NaN;

/** Median milliseconds of each contender, timed one at a time and in rotating order. */
async function measure(contenders: Record<string, () => unknown>): Promise<Record<string, number>> {
  const names = Object.keys(contenders);
  const samples = new Map(names.map((name) => [name, [] as number[]]));
  for (let i = 0; i < warmup + runs; i++) {
    for (let j = 0; j < names.length; j++) {
      const name = names[(i + j) % names.length] as string;
      const started = performance.now();
      await contenders[name]?.();
      if (i >= warmup) samples.get(name)?.push(performance.now() - started);
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(samples.get(name) ?? [])]));
}

const [baseModel, headModel] = [
  await loadApiModel({ document: base as never }),
  await loadApiModel({ document: head as never }),
];
const ms = await measure({
  comparison: () => gate(base, head, "HEAD"),
  rulesOnly: () => compareModels(baseModel, headModel),
  oneModel: () => loadApiModel({ document: base as never }),
  yamlParse: () => parse(text),
});
const findings = compareModels(baseModel, headModel).length;
const f = (n: number | undefined) => `${(n ?? NaN).toFixed(2)} ms`;
const x = (a: number | undefined, b: number | undefined) =>
  `${((a ?? NaN) / (b ?? NaN)).toFixed(1)}×`;
console.log(
  `spec:breaking — one comparison of the real spec against an edited copy (${findings} findings), median of ${runs}`,
);
console.log(`  comparison (2 models + rules + version): ${f(ms.comparison)}`);
console.log(
  `    = ${x(ms.comparison, ms.oneModel)} loadApiModel of one document (${f(ms.oneModel)})`,
);
console.log(`    = ${x(ms.comparison, ms.yamlParse)} YAML parse of the spec (${f(ms.yamlParse)})`);
console.log(
  `  rules alone, models already read: ${f(ms.rulesOnly)} (${x(ms.rulesOnly, ms.oneModel)} one model)`,
);
console.log(
  `  target ≤ ${target} ms per comparison: ${(ms.comparison ?? Infinity) <= target ? "met" : "MISSED"}`,
);
