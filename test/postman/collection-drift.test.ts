// The generated collection's tests can fail: run by newman, they pass against a faithful stand-in of
// the documented API and fail (exit 1, naming the broken promise) against each drifted variant.
import { tokenOperation } from "@klearstack/spec";
import { describe, expect, it } from "vitest";
import { drifts, startStandIn } from "../conformance/stand-in.ts";
import { runCollection } from "./newman.ts";

const { operation, requestMediaTypes, errorTexts } = tokenOperation();
const responses = Object.entries(operation.responses);
const [successStatus, success] = responses.find(([status]) => status.startsWith("2")) ?? [];
const [errorStatus, error] = responses.find(([status]) => !status.startsWith("2")) ?? [];
const [successType] = Object.keys(success?.content ?? {});
const [errorType] = Object.keys(error?.content ?? {});

// Which generated test (by the name apps/postman gives it) must catch each drift of the stand-in.
const caughtBy: Record<keyof typeof drifts, string> = {
  "release_version sent as a number": `body matches the spec's ${successStatus} schema`,
  "access_token missing from the 200 body": `body matches the spec's ${successStatus} schema`,
  "200 body sent as text/html": `Content-Type is ${successType}`,
  "missing parameter answered 400": `status is ${errorStatus}`,
  "missing parameter answered as JSON": `Content-Type is ${errorType}`,
  "missing parameter text reworded": "body is the documented text",
  "multipart/form-data refused": `status is ${successStatus}`,
  "opaque (non-JWT) tokens issued": `body matches the spec's ${successStatus} schema`,
  "tokens issued despite a missing parameter": `status is ${errorStatus}`,
};

describe("newman run of the generated collection against stand-ins", () => {
  it("is green against a faithful stand-in of the documented API", async () => {
    const server = await startStandIn();
    try {
      const run = await runCollection(server.url);
      expect(run.failed, run.output).toEqual([]);
      expect(run.code).toBe(0);
      // Every encoding really went over the wire (the complete request and one per documented
      // missing parameter, folder by folder), multipart with the runtime's boundary.
      const sent = server.seen.map((s) => s.contentType.split(";")[0]);
      expect(sent).toEqual(
        requestMediaTypes.flatMap((type) => Array(1 + errorTexts.length).fill(type)),
      );
      const multipart = server.seen.filter((s) => s.contentType.startsWith("multipart/form-data"));
      expect(multipart.length).toBeGreaterThan(0);
      for (const request of multipart) expect(request.contentType).toMatch(/boundary=/);
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
        expect(run.leaked, "tokens whose text newman printed (names only)").toEqual([]);
      } finally {
        await server.close();
      }
    },
    60_000,
  );
});
