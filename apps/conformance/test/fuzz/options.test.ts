// The fuzz flags: defaults (unlimited on loopback, 20 requests a second elsewhere; a random seed),
// and a clear refusal for a value out of range or a report folder that does not exist.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_EXAMPLES, readFuzzFlags } from "../../src/fuzz/options.ts";
import { DEFAULT_REMOTE_RATE } from "../../src/fuzz/pace.ts";

const loopback = new URL("http://127.0.0.1:4010");
const remote = new URL("https://api.klearstack.invalid");
const read = (values: Record<string, string>, url = loopback) =>
  readFuzzFlags(values, url, "/tmp", () => 0.5);

describe("readFuzzFlags", () => {
  it("defaults: the default examples, a random seed, no rate limit on loopback", () => {
    expect(read({})).toEqual({
      ok: true,
      flags: {
        maxExamples: DEFAULT_MAX_EXAMPLES,
        seed: 2 ** 30,
        rate: undefined,
        maxRequests: undefined,
        junit: undefined,
        json: undefined,
      },
    });
  });

  it("limits a deployment that is not on this machine to the default rate, unless told otherwise", () => {
    expect(read({}, remote)).toMatchObject({ flags: { rate: DEFAULT_REMOTE_RATE } });
    expect(read({ rate: "2.5" }, remote)).toMatchObject({ flags: { rate: 2.5 } });
    expect(read({ rate: "50" })).toMatchObject({ flags: { rate: 50 } });
  });

  it("reads the numbers it is given", () => {
    expect(read({ "max-examples": "3", seed: "42", "max-requests": "99" })).toMatchObject({
      flags: { maxExamples: 3, seed: 42, maxRequests: 99 },
    });
  });

  it.each([
    ["max-examples", "0", "--max-examples must be an integer from 1 to 10000"],
    ["max-examples", "1.5", "--max-examples must be an integer from 1 to 10000"],
    ["seed", "-1", "--seed must be an integer from 0 to 2147483647"],
    ["seed", "2147483648", "--seed must be an integer from 0 to 2147483647"],
    ["max-requests", "many", "--max-requests must be an integer from 1 to 1000000"],
    ["rate", "0", "--rate must be a number of requests per second above 0"],
    ["rate", "fast", "--rate must be a number of requests per second above 0"],
  ])("refuses --%s %s", (flag, value, refusal) => {
    const read_ = read({ [flag]: value });
    expect(read_.ok).toBe(false);
    if (!read_.ok) expect(read_.refusal).toContain(refusal);
  });

  it("resolves report files where the command was typed, and refuses a folder that is not there", () => {
    const dir = mkdtempSync(join(tmpdir(), "klearstack-fuzz-options-"));
    try {
      const flags = readFuzzFlags({ junit: "r.xml", json: "r.json" }, loopback, dir);
      expect(flags).toMatchObject({
        flags: { junit: join(dir, "r.xml"), json: join(dir, "r.json") },
      });
      const missing = readFuzzFlags({ json: "nowhere/r.json" }, loopback, dir);
      expect(missing).toEqual({
        ok: false,
        refusal: `--json: the folder ${join(dir, "nowhere")} does not exist`,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
