// Benchmark: what the typed client costs per call over hand-written fetch + URLSearchParams, both
// against the same local server in the same run, printed as a ratio (target <= 1.10). Also prints
// the client's own min+gz size against its budget (enforced by test/package.test.ts), and
// openapi-fetch's, which the package README quotes.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tokenOperation } from "@klearstack/spec";
import {
  measureClientSize,
  measureOpenapiFetchSize,
  sizeBudgetBytes,
} from "../scripts/measure-size.ts";
import {
  tokenPath as clientTokenPath,
  createKlearStackClient,
  formEncodings,
  type TokenPair,
  type TokenRequest,
} from "../src/index.ts";

const targetRatio = 1.1;
const warmupCalls = 500;
const measuredCalls = 5_000;
// The spec's own example request and 200 body: the bench restates nothing the spec says.
const operation = tokenOperation();
if (operation.path !== clientTokenPath) throw new Error(`the client calls ${clientTokenPath}`);
const tokenPath = operation.path as typeof clientTokenPath;
const input = operation.exampleFields as TokenRequest;
const body = JSON.stringify(operation.example200);
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => res.writeHead(200, { "Content-Type": "application/json" }).end(body));
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const client = createKlearStackClient({ baseUrl });
const typed = () => client.getAccessTokenFromUserId(input);
// The same call without the per-attempt timeout, to show what the timeout's signal costs.
const untimed = createKlearStackClient({ baseUrl, timeoutMs: Number.POSITIVE_INFINITY });
const typedNoTimeout = () => untimed.getAccessTokenFromUserId(input);
// For context: the same call through openapi-fetch (the `raw` client), which the SDK does not use.
const viaOpenapiFetch = () =>
  client.raw.POST(tokenPath, { body: input, ...formEncodings.urlencoded }).then((r) => r.data);
// The baseline: what a careful integrator writes by hand (right header, status check, JSON).
const raw = async (): Promise<TokenPair> => {
  const response = await fetch(baseUrl + tokenPath, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(input),
  });
  if (!response.ok) throw new Error(`status ${response.status}`);
  return (await response.json()) as TokenPair;
};

/** Median of `values` (the upper one of the middle pair: fine for thousands of samples). */
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? NaN;

type Call = () => Promise<unknown>;

/**
 * Median microseconds per call of `call` and of `baseline`, timed one call at a time and
 * alternating which goes first: the median per call shrugs off GC pauses and busy neighbours,
 * which whole-loop totals do not.
 */
async function compare(
  call: Call,
  baseline: Call,
): Promise<{ callUs: number; baselineUs: number }> {
  for (let i = 0; i < warmupCalls; i++) await Promise.all([call(), baseline()]);
  const samples: [number[], number[]] = [[], []];
  for (let i = 0; i < measuredCalls; i++) {
    for (const which of i % 2 ? [1, 0] : [0, 1]) {
      const started = performance.now();
      await (which === 0 ? call() : baseline());
      samples[which]?.push((performance.now() - started) * 1000);
    }
  }
  return { callUs: median(samples[0]), baselineUs: median(samples[1]) };
}

try {
  // The headline pair runs alone: a third contender's garbage would land in their samples.
  const { callUs: typedUs, baselineUs: rawUs } = await compare(typed, raw);
  // Each context pair in its own pass, for the same reason.
  const noTimeout = await compare(typedNoTimeout, raw);
  const context = await compare(viaOpenapiFetch, raw);
  const ratio = typedUs / rawUs;
  const size = await measureClientSize();
  const openapiFetchSize = await measureOpenapiFetchSize();
  console.log(
    `client call overhead: ${measuredCalls} calls each, alternating, median per call, loopback`,
  );
  console.log(`  typed getAccessTokenFromUserId: ${typedUs.toFixed(1)} us/call`);
  console.log(`  raw fetch + URLSearchParams:    ${rawUs.toFixed(1)} us/call`);
  console.log(
    `  ratio typed/raw: ${ratio.toFixed(3)} (target <= ${targetRatio}) ${ratio <= targetRatio ? "ok" : "OVER TARGET"}`,
  );
  console.log(
    `  for context, typed with timeoutMs: Infinity vs raw fetch (separate pass): ${(noTimeout.callUs / noTimeout.baselineUs).toFixed(3)}`,
  );
  console.log(
    `  for context, openapi-fetch raw.POST vs raw fetch (separate pass): ${(context.callUs / context.baselineUs).toFixed(3)}`,
  );
  console.log(
    `client own code: ${size.minified} B min, ${size.gzipped} B min+gz (budget ${sizeBudgetBytes} B, openapi-fetch not included)`,
  );
  console.log(
    `openapi-fetch ${openapiFetchSize.version}: ${openapiFetchSize.minified} B min, ${openapiFetchSize.gzipped} B min+gz (same build)`,
  );
} finally {
  server.close();
  server.closeAllConnections();
}
