// `npm run bench -w @klearstack/mock`: our mock against Prism's CLI and a static node:http
// server, throughput and start-up, all measured in this run on this machine and printed as ratios.
// Not a test: it fails only if a server cannot start or answers with errors.
import { load } from "./load.ts";
import { model, requestsFor } from "./request.ts";
import { type ServerName, startServer } from "./servers.ts";
import { measureStarts } from "./start.ts";

const CONNECTIONS = 10;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 2;
const START_RUNS = Number(process.env.BENCH_START_RUNS ?? 7);
const THROUGHPUT: ServerName[] = ["(a) our mock", "(b) prism mock CLI", "(c) static node:http"];

const results = new Map<ServerName, { rps: number; p50: number; p99: number }>();
for (const name of THROUGHPUT) {
  const server = await startServer(name);
  try {
    const requests = await requestsFor(server.url);
    await load(server.url, requests, CONNECTIONS, WARMUP_SECONDS);
    const run = await load(server.url, requests, CONNECTIONS, SECONDS);
    if (run.failures > 0) throw new Error(`${name}: ${run.failures} failed requests`);
    results.set(name, run);
  } finally {
    server.stop();
  }
}
const starts = await measureStarts(START_RUNS);

const [a, b, c] = THROUGHPUT.map((name) => results.get(name));
if (!a || !b || !c) throw new Error("a server is missing from the results");
const seconds = (ms: number | undefined) => `${((ms ?? Number.NaN) / 1000).toFixed(2)} s`;
console.log(
  `autocannon c=${CONNECTIONS} ${SECONDS}s (after ${WARMUP_SECONDS}s warm-up), ` +
    `each of the ${model.operations.length} operations in turn, urlencoded form bodies`,
);
for (const [name, { rps, p50, p99 }] of results) {
  console.log(
    `${name.padEnd(22)} ${rps.toFixed(0).padStart(7)} req/s  p50 ${p50} ms  p99 ${p99} ms`,
  );
}
console.log(`\nstart to first 200, median of ${START_RUNS} starts each, taken in turn`);
for (const [label, { wall, cpu }] of starts.servers) {
  const used = Number.isNaN(cpu) ? "" : `  (CPU ${seconds(cpu)})`;
  console.log(`${label.padEnd(26)} ${seconds(wall)}${used}`);
}
console.log(`${"npm run <script: exit 0>".padEnd(26)} ${seconds(starts.npmOwn)} (to its exit)`);

const wall = (label: string) => starts.servers.get(label)?.wall ?? Number.NaN;
const aStart = wall("(a) our mock");
const bStart = wall("(b) prism mock CLI");
const { npmAdds, npmOwn } = starts;
const ms = (value: number) => `${value.toFixed(0)} ms`;
const check = (label: string, ok: boolean) => console.log(`${ok ? "meets" : "MISSES"} ${label}`);
console.log("");
check(`a/b = ${(a.rps / b.rps).toFixed(2)} (target >= 2)`, a.rps / b.rps >= 2);
check(`a/c = ${(a.rps / c.rps).toFixed(2)} (target >= 0.20)`, a.rps / c.rps >= 0.2);
check(`a p99 = ${a.p99} ms (target <= 5 ms)`, a.p99 <= 5);
check(`a start = ${seconds(aStart)} (target <= 0.5 s)`, aStart <= 500);
console.log(`     a start / b start = ${(aStart / bStart).toFixed(2)}`);
check(
  `npm run mock adds ${ms(npmAdds)} to a start (target <= npm's own start-up, ${ms(npmOwn)})`,
  npmAdds <= npmOwn,
);
