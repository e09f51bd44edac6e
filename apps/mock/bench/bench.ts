// `npm run bench -w @klearstack/mock`: our mock against Prism's CLI and a static node:http
// server, all measured in this run on this machine, printed as ratios. Not a test: it fails only
// if a server cannot start or answers with errors.
import { load } from "./load.ts";
import { model, requestsFor } from "./request.ts";
import { commands, type Server, startServer } from "./servers.ts";

const CONNECTIONS = 10;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 2;

const results = new Map<string, { server: Server; rps: number; p50: number; p99: number }>();
for (const name of Object.keys(commands)) {
  const server = await startServer(name);
  try {
    const requests = await requestsFor(server.url);
    await load(server.url, requests, CONNECTIONS, WARMUP_SECONDS);
    const run = await load(server.url, requests, CONNECTIONS, SECONDS);
    if (run.failures > 0) throw new Error(`${name}: ${run.failures} failed requests`);
    results.set(name, { server, ...run });
  } finally {
    server.stop();
  }
}

const [a, b, c] = [...results.values()];
if (!a || !b || !c) throw new Error("a server is missing from the results");
console.log(
  `autocannon c=${CONNECTIONS} ${SECONDS}s (after ${WARMUP_SECONDS}s warm-up), ` +
    `each of the ${model.operations.length} operations in turn, urlencoded form bodies`,
);
for (const { server, rps, p50, p99 } of results.values()) {
  const start = server.name.startsWith("(c)")
    ? ""
    : `  start-to-first-200 ${(server.startMs / 1000).toFixed(2)} s`;
  console.log(
    `${server.name.padEnd(22)} ${rps.toFixed(0).padStart(7)} req/s  p50 ${p50} ms  p99 ${p99} ms${start}`,
  );
}
const check = (label: string, ok: boolean) => console.log(`${ok ? "meets" : "MISSES"} ${label}`);
console.log("");
check(`a/b = ${(a.rps / b.rps).toFixed(2)} (target >= 2)`, a.rps / b.rps >= 2);
check(`a/c = ${(a.rps / c.rps).toFixed(2)} (target >= 0.20)`, a.rps / c.rps >= 0.2);
check(`a p99 = ${a.p99} ms (target <= 5 ms)`, a.p99 <= 5);
check(
  `a start = ${(a.server.startMs / 1000).toFixed(2)} s (target <= 0.5 s)`,
  a.server.startMs <= 500,
);
