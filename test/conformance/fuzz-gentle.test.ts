// A fuzz run is gentle with a deployment: it keeps to its request budget and rate, stops after
// five connection errors in a row saying why, and refuses fuzz flags without --fuzz.
import { closedPort } from "@klearstack/test-support/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conformance } from "./cli.ts";
import { fuzz } from "./fuzz.ts";
import { type StandIn, startStandIn } from "./stand-in.ts";

let server: StandIn;
beforeAll(async () => {
  server = await startStandIn();
});
afterAll(() => server.close());

describe("conformance --fuzz is gentle", () => {
  it("sends no more than --max-requests, and says the budget stopped it", async () => {
    server.seen.length = 0;
    const run = await fuzz(["--base-url", server.url, "--max-requests", "7"]);
    expect(server.seen).toHaveLength(7);
    expect(run.report).toMatchObject({ requests: 7, budget: 7, ok: false });
    expect(run.output).toContain(
      "Stopped early: the request budget (7) is spent: raise --max-requests or lower --max-examples",
    );
    expect(run.code).toBe(1);
  });

  it("keeps to --rate: requests arrive no faster than asked, on average", async () => {
    server.seen.length = 0;
    const run = await fuzz(["--base-url", server.url, "--rate", "40", "--max-requests", "21"]);
    expect(run.output).toContain("rate 40 requests/s");
    const arrivals = server.seen.map((s) => s.at);
    expect(arrivals).toHaveLength(21);
    // 20 gaps of 25 ms are scheduled from the client's clock; the first request may arrive late
    // (connection set-up on a loaded machine) and shorten the span seen here, so allow a fifth of
    // it. Unpaced, 21 loopback requests arrive within a few tens of milliseconds.
    expect((arrivals.at(-1) ?? 0) - (arrivals[0] ?? 0)).toBeGreaterThanOrEqual(20 * 25 * 0.8);
  });

  it("stops after five connection errors in a row, naming the last one", async () => {
    const run = await fuzz(["--base-url", `http://127.0.0.1:${await closedPort()}`]);
    expect(run.report.requests).toBe(5);
    expect(run.output).toMatch(
      /Stopped early: 5 connection errors in a row \(last: .*ECONNREFUSED.*\); is the deployment up\?/,
    );
    expect(run.output).toMatch(/^Fuzzing with seed \d+$/m);
    expect(run.code).toBe(1);
  });

  it("refuses fuzz flags without --fuzz, and bad values, before sending anything", async () => {
    server.seen.length = 0;
    const alone = await conformance(["--base-url", server.url, "--seed", "3"]);
    expect(alone.code).toBe(2);
    expect(alone.output).toContain("--seed only applies with --fuzz");
    const bad = await conformance(["--base-url", server.url, "--fuzz", "--rate", "0"]);
    expect(bad.code).toBe(2);
    expect(bad.output).toContain("--rate must be a number of requests per second above 0");
    expect(server.seen).toEqual([]);
  });
});
