// The response documented for a status: exact, then range, then default.
import { describe, expect, it } from "vitest";
import { responseForStatus } from "../status.ts";

describe("responseForStatus", () => {
  const responses = [
    { status: "200" },
    { status: "4xx" },
    { status: "5XX" },
    { status: "default" },
  ];

  it("prefers the exact status, then its range (any case), then default", () => {
    expect(responseForStatus(responses, 200)?.status).toBe("200");
    expect(responseForStatus(responses, "404")?.status).toBe("4xx");
    expect(responseForStatus(responses, 503)?.status).toBe("5XX");
    expect(responseForStatus(responses, 302)?.status).toBe("default");
  });

  it("finds nothing when nothing matches, and reads a key as written", () => {
    expect(responseForStatus([{ status: "200" }], 500)).toBeUndefined();
    expect(responseForStatus(responses, "default")?.status).toBe("default");
    expect(responseForStatus(responses, "5XX")?.status).toBe("5XX");
  });
});
