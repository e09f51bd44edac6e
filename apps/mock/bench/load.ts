// One autocannon run against one server, reduced to the numbers the bench prints.
import { createRequire } from "node:module";
import type { BenchRequest } from "./request.ts";

const require = createRequire(import.meta.url);
interface Result {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
const autocannon = require("autocannon") as (opts: object) => Promise<Result>;

export interface Load {
  rps: number;
  p50: number;
  p99: number;
  total: number;
  failures: number;
}

/** Each connection sends `requests` in turn, over and over. */
export async function load(
  url: string,
  requests: BenchRequest[],
  connections: number,
  seconds: number,
): Promise<Load> {
  const result = await autocannon({ url, requests, connections, duration: seconds });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}
