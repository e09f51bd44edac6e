// `npm run soak -w @klearstack/mock`: 60 s at c=100 against the mock CLI, every operation in turn;
// passes only with zero failed requests, and reports the mock's memory (RSS) at start and end.
import { readFileSync } from "node:fs";
import { load } from "./load.ts";
import { requestsFor } from "./request.ts";
import { startServer } from "./servers.ts";

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const server = await startServer("(a) our mock");
const pid = server.pid;
const rssMiB = () => {
  const kb = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+)/)?.[1];
  return (Number(kb) / 1024).toFixed(1);
};
try {
  const before = rssMiB();
  const run = await load(server.url, await requestsFor(server.url), 100, SECONDS);
  const after = rssMiB();
  console.log(
    `soak c=100 ${SECONDS}s: ${run.total} requests, ${run.rps.toFixed(0)} req/s, p99 ${run.p99} ms`,
  );
  console.log(
    `failed requests: ${run.failures}; mock RSS ${before} MiB at start, ${after} MiB at end`,
  );
  if (run.failures > 0) process.exitCode = 1;
} finally {
  server.stop();
}
