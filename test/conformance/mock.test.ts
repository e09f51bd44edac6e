// real server ↔ spec, run against our own mock: the mock must conform like the real API would.
import { describe, expect, it } from "vitest";
import { useMock } from "../support/mock.ts";
import { conformance } from "./cli.ts";

describe("conformance against the mock", () => {
  const mock = useMock();

  it("passes every check and prints no token", async () => {
    const run = await conformance(["--base-url", mock.url]);
    expect(run.output).not.toMatch(/\bFAIL$/m);
    expect(run.output).toMatch(/(\d+)\/\1 checks passed\./);
    expect(run.code).toBe(0);
    expect(run.leaked, "tokens whose text was printed (names only)").toEqual([]);
  });
});
