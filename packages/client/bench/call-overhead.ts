// Benchmark: what the SDK adds per call over a hand-written fetch, for every operation of the spec,
// printed beside what openapi-fetch alone adds (the SDK's one HTTP path goes through it), all
// against the same local server in the same run. Then the client's size on top of openapi-fetch,
// against its budget (test/package.test.ts enforces the budget; these are the figures).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { encodeFormValue, loadApiModel, type OperationModel } from "@klearstack/spec";
import {
  measureClientSize,
  measureOpenapiFetchSize,
  sizeBudgetBytes,
} from "../scripts/measure-size.ts";
import { createKlearStackClient, formEncodings } from "../src/index.ts";

const warmupCalls = 300;
const measuredCalls = 2_000;
const model = await loadApiModel();
// The spec's own example requests and 200 bodies: the bench restates nothing the spec says.
const bodies = new Map(
  model.operations.map((op) => [op.path, JSON.stringify(op.success?.body?.examples[0]?.value)]),
);
const bearer = String(model.operations.find((op) => op.bearer?.example)?.bearer?.example);
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () =>
    res.writeHead(200, { "Content-Type": "application/json" }).end(bodies.get(req.url ?? "")),
  );
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const client = createKlearStackClient({ baseUrl }) as unknown as Record<
  string,
  (fields: unknown, options: unknown) => Promise<unknown>
> & { raw: { request: (m: string, p: string, i: object) => Promise<{ data?: unknown }> } };

type Call = () => Promise<unknown>;

function contenders(op: OperationModel): Record<"sdk" | "openapiFetch" | "raw", Call> {
  // The typed example input (a number, a list), and the same form as text pairs for the baseline.
  const fields = op.exampleInput;
  const form = op.fields.flatMap((f) =>
    encodeFormValue(f, fields[f.name] as never, "application/x-www-form-urlencoded"),
  ) as [string, string][];
  const auth: Record<string, string> = op.bearer ? { Authorization: `Bearer ${bearer}` } : {};
  const method = client[op.operationId];
  if (!method) throw new Error(`the client has no ${op.operationId}: run npm run generate`);
  return {
    sdk: () => method(fields, op.bearer ? { accessToken: bearer } : {}),
    // openapi-fetch alone, as a careful integrator would call it (form body, exact header).
    openapiFetch: () =>
      client.raw
        .request(op.method, op.path, {
          body: fields,
          ...formEncodings.urlencoded,
          headers: { ...formEncodings.urlencoded.headers, ...auth },
        })
        .then((r) => r.data),
    // The baseline: hand-written fetch (right header, status check, JSON).
    raw: async () => {
      const response = await fetch(baseUrl + op.path, {
        method: op.method.toUpperCase(),
        headers: { "Content-Type": "application/x-www-form-urlencoded", ...auth },
        body: new URLSearchParams(form),
      });
      if (!response.ok) throw new Error(`status ${response.status}`);
      return response.json();
    },
  };
}

/** Median of `values` (the upper one of the middle pair: fine for thousands of samples). */
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? NaN;

/**
 * Median microseconds per call of `call` and of `baseline`, timed one call at a time and
 * alternating which goes first: the median per call shrugs off GC pauses and busy neighbours,
 * which whole-loop totals do not.
 */
async function compare(call: Call, baseline: Call) {
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

const row = (name: string, { callUs, baselineUs }: { callUs: number; baselineUs: number }) =>
  `  ${name.padEnd(14)} ${callUs.toFixed(1).padStart(7)} us/call vs raw fetch ${baselineUs.toFixed(1).padStart(7)} us: +${(callUs - baselineUs).toFixed(1)} us, x${(callUs / baselineUs).toFixed(3)}`;

try {
  console.log(
    `per-call overhead on loopback: ${measuredCalls} calls each, alternating with raw fetch, median per call`,
  );
  for (const op of model.operations) {
    const { sdk, openapiFetch, raw } = contenders(op);
    // Each pair in its own pass: a third contender's garbage would land in their samples.
    const sdkVsRaw = await compare(sdk, raw);
    const openapiFetchVsRaw = await compare(openapiFetch, raw);
    console.log(`${op.operationId}:`);
    console.log(row("SDK method", sdkVsRaw));
    console.log(row("openapi-fetch", openapiFetchVsRaw));
  }
  const size = await measureClientSize();
  const openapiFetch = await measureOpenapiFetchSize();
  console.log(
    `client on top of openapi-fetch: ${size.onTopGzipped} B min+gz (budget ${sizeBudgetBytes(model.operations.length)} B): ${size.withOpenapiFetch.gzipped} B with openapi-fetch bundled in, minus ${size.openapiFetchAsUsed.gzipped} B for openapi-fetch's createClient alone`,
  );
  console.log(
    `client own code alone (openapi-fetch left out): ${size.own.minified} B min, ${size.own.gzipped} B min+gz`,
  );
  console.log(
    `openapi-fetch ${openapiFetch.version}, all of it: ${openapiFetch.minified} B min, ${openapiFetch.gzipped} B min+gz`,
  );
} finally {
  server.close();
  server.closeAllConnections();
}
