// real server ↔ spec: the conformance run passes a stand-in that behaves as the spec documents,
// reports every drift of it as failing (exit 1), and never prints a token, even from bodies that
// should not have carried one.
import { tokenOperation } from "@klearstack/spec";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conformance } from "./cli.ts";
import { drifts, type StandIn, startStandIn } from "./stand-in.ts";

const { operation, requestMediaTypes, requiredFields } = tokenOperation();
const statuses = Object.keys(operation.responses);
const successStatus = statuses.find((status) => status.startsWith("2"));
const errorStatus = statuses.find((status) => !status.startsWith("2"));

// The rows each drift must turn to FAIL, by check name.
const completeRow = new RegExp(`complete request → ${successStatus}`);
const parameterRow = new RegExp(`(${requiredFields.join("|")}) (missing|empty) → ${errorStatus}`);
const failingRows: Record<keyof typeof drifts, RegExp> = {
  "release_version sent as a number": completeRow,
  "access_token missing from the 200 body": completeRow,
  "200 body sent as text/html": completeRow,
  "missing parameter answered 400": parameterRow,
  "missing parameter answered as JSON": parameterRow,
  "missing parameter text reworded": parameterRow,
  "multipart/form-data refused": /^\d+ +multipart\/form-data /,
  "opaque (non-JWT) tokens issued": completeRow,
  "tokens issued despite a missing parameter": parameterRow,
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
    expect(run.leaked, "tokens whose text was printed (names only)").toEqual([]);
  });

  // --user-id and --company-name are the documented flags (README); they come from the spec's
  // field names, so this also pins that derivation.
  it("sends every encoding and the user's own values when given", async () => {
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
    expect(complete.map((s) => s.contentType.split(";")[0])).toEqual(requestMediaTypes);
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
      expect(run.leaked, "tokens whose text was printed (names only)").toEqual([]);
    } finally {
      await server.close();
    }
  });

  it("masks tokens that arrive where an error was documented", async () => {
    const leaky = await startStandIn("tokens-when-missing");
    try {
      const run = await conformance(["--base-url", leaky.url]);
      expect(run.output).toContain("«token masked»");
      expect(run.leaked, "tokens whose text was printed (names only)").toEqual([]);
    } finally {
      await leaky.close();
    }
  });
});
