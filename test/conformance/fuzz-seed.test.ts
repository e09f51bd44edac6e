// A fuzz run is reproducible: the seed is always printed, and a rerun with it prints the same cases
// (the minimal failures and their curl commands) and sends the same cases, in the same order; a
// run with another seed sends other cases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FuzzRun, fuzz } from "./fuzz.ts";
import { type StandIn, startStandIn } from "./stand-in.ts";

let server: StandIn;
beforeAll(async () => {
  // A drift, so that the printed output holds minimal failing cases too.
  server = await startStandIn("tokens-when-missing");
});
afterAll(() => server.close());

const issued = () => server.issued.map((text, i) => ({ name: `stand-in token #${i + 1}`, text }));
const run = (...args: string[]) =>
  fuzz(["--base-url", server.url, "--max-examples", "4", ...args], { secrets: issued });
/** What a run printed, less what differs between two runs of the same cases: time, report files. */
const printed = (r: FuzzRun) =>
  r.output.replace(/; [\d.]+ s$/m, "; (duration) s").replace(/^Report written: .*$/gm, "");
const cases = (r: FuzzRun) => r.report.cases.map((c) => c.curl);

describe("conformance --fuzz --seed", () => {
  it("prints the seed it drew, and a rerun with that seed prints and sends the same cases", async () => {
    const first = await run();
    const seed = /^Fuzzing with seed (\d+)$/m.exec(first.output)?.[1];
    expect(seed).toBeDefined();
    expect(first.report.seed).toBe(Number(seed));
    const again = await run("--seed", String(seed));
    expect(printed(again)).toBe(printed(first));
    expect(cases(again)).toEqual(cases(first));
    expect(first.output).toContain("Failures, each shrunk to a minimal case");
    expect(first.leaked).toEqual([]);
  });

  it("sends other cases with another seed", async () => {
    const one = await run("--seed", "1");
    const two = await run("--seed", "2");
    expect(cases(two)).not.toEqual(cases(one));
    expect(cases(two)).toHaveLength(cases(one).length);
  });
});
