// The generated collection's tests can fail: run by newman, they pass against a faithful stand-in of
// the documented API and fail (exit 1, naming the broken promise) against each drifted variant.
import { describe, expect, it } from "vitest";
import { drifts, startStandIn } from "../conformance/stand-in.ts";
import { runCollection } from "./newman.ts";

// Which generated test must catch each drift of the stand-in.
const caughtBy: Record<keyof typeof drifts, string> = {
  "release_version sent as a number": "body matches the spec's 200 schema",
  "access_token missing from the 200 body": "body matches the spec's 200 schema",
  "200 body sent as text/html": "Content-Type is application/json",
  "missing parameter answered 400": "status is 500",
  "missing parameter answered as JSON": "Content-Type is text/plain",
  "missing parameter text reworded": "body is the documented text",
  "multipart/form-data refused": "status is 200",
  "opaque (non-JWT) tokens issued": "body matches the spec's 200 schema",
  "tokens issued despite a missing parameter": "status is 500",
};

describe("newman run of the generated collection against stand-ins", () => {
  it("is green against a faithful stand-in of the documented API", async () => {
    const server = await startStandIn();
    try {
      const run = await runCollection(server.url);
      expect(run.failed, run.output).toEqual([]);
      expect(run.code).toBe(0);
      // Both encodings really went over the wire, multipart with the runtime's boundary.
      expect(server.seen.map((s) => s.contentType.split(";")[0])).toEqual([
        ...Array(3).fill("application/x-www-form-urlencoded"),
        ...Array(3).fill("multipart/form-data"),
      ]);
      expect(server.seen[3]!.contentType).toMatch(/boundary=/);
    } finally {
      await server.close();
    }
  }, 60_000);

  it.each(Object.entries(drifts))(
    "fails (newman exit 1) against a server with %s",
    async (name, drift) => {
      const server = await startStandIn(drift);
      try {
        const run = await runCollection(server.url);
        expect(run.code).toBe(1);
        expect(run.failed.some((a) => a.startsWith(caughtBy[name as keyof typeof drifts]))).toBe(
          true,
        );
        expect(run.output).toContain("AssertionError");
      } finally {
        await server.close();
      }
    },
    60_000,
  );
});
