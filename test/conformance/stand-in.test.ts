// real server ↔ spec: the conformance run passes a stand-in that behaves as the spec documents,
// reports every drift of it as failing (exit 1), and never prints a token, even from bodies that
// should not have carried one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conformance } from "./cli.ts";
import { drifts, type StandIn, startStandIn } from "./stand-in.ts";
import { leakedTokenParts } from "./tokens.ts";

// The rows each drift must turn to FAIL, by check name.
const failingRows: Record<keyof typeof drifts, RegExp> = {
  "release_version sent as a number": /complete request → 200/,
  "access_token missing from the 200 body": /complete request → 200/,
  "200 body sent as text/html": /complete request → 200/,
  "missing parameter answered 400": /(user_id|company_name) (missing|empty) → 500/,
  "missing parameter answered as JSON": /(user_id|company_name) (missing|empty) → 500/,
  "missing parameter text reworded": /(user_id|company_name) (missing|empty) → 500/,
  "multipart/form-data refused": /^\d+ +multipart\/form-data /,
  "opaque (non-JWT) tokens issued": /complete request → 200/,
  "tokens issued despite a missing parameter": /(user_id|company_name) (missing|empty) → 500/,
};

describe("conformance against a faithful stand-in of the documented API", () => {
  let server: StandIn;
  beforeAll(async () => {
    server = await startStandIn();
  });
  afterAll(() => server.close());

  it("passes every check, prints the table, exits 0", async () => {
    const run = await conformance(["--base-url", server.url]);
    expect(run.output).toMatch(/^#\s+request encoding\s+check\s+expected\s+got\s+result$/m);
    expect(run.output).not.toMatch(/FAIL/);
    expect(run.output).toMatch(/(\d+)\/\1 checks passed\./);
    expect(run.code).toBe(0);
    expect(leakedTokenParts(run.output)).toEqual([]);
  });

  it("sends both encodings and the user's own values when given", async () => {
    server.seen.length = 0;
    const run = await conformance([
      "--base-url",
      server.url,
      "--user-id",
      "4711",
      "--company-name",
      "Initech",
    ]);
    expect(run.code).toBe(0);
    const complete = server.seen.filter((s) => s.fields.user_id && s.fields.company_name);
    expect(complete.map((s) => s.contentType.split(";")[0])).toEqual([
      "application/x-www-form-urlencoded",
      "multipart/form-data",
    ]);
    for (const request of complete)
      expect(request.fields).toEqual({ user_id: "4711", company_name: "Initech" });
  });
});

describe("conformance against drifted servers", () => {
  it.each(Object.entries(drifts))("reports a server with %s as failing", async (name, drift) => {
    const server = await startStandIn(drift);
    try {
      const run = await conformance(["--base-url", server.url]);
      expect(run.code).toBe(1);
      const failed = run.output.split("\n").filter((line) => /\bFAIL$/.test(line));
      expect(failed.length).toBeGreaterThan(0);
      for (const row of failed) expect(row).toMatch(failingRows[name as keyof typeof drifts]);
      expect(run.output).toMatch(/\d+\/\d+ checks passed, \d+ failed\./);
      expect(leakedTokenParts(run.output)).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it("masks tokens that arrive where an error was documented", async () => {
    const leaky = await startStandIn("tokens-when-missing");
    try {
      const run = await conformance(["--base-url", leaky.url]);
      expect(run.output).toContain("«token masked»");
      expect(leakedTokenParts(run.output)).toEqual([]);
    } finally {
      await leaky.close();
    }
  });
});
