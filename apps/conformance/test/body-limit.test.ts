// A hostile deployment may answer with a body of any size: conformance reads at most
// maxResponseBytes (default 1 MiB, --max-response-bytes) of each answer and stops reading there,
// saying which limit. A real server streams 64 MiB with backpressure and counts what it managed
// to write before conformance hung up: that count, not a clock, shows the reading stopped.
import { loadApiModel } from "@klearstack/spec";
import { type LocalServer, startLocalServer, streamBytes } from "@klearstack/test-support/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runConformance } from "../src/index.ts";
import { DEFAULT_MAX_RESPONSE_BYTES, send } from "../src/send.ts";

const MiB = 1024 * 1024;
const total = 64 * MiB;
/** What may have left the server once the reader stops: its limit plus the sockets' buffers. */
const stoppedEarly = 16 * MiB;
const model = await loadApiModel();

const written: Promise<number>[] = [];
let server: LocalServer;
let baseUrl: URL;
beforeAll(async () => {
  server = await startLocalServer(async (req, res) => {
    for await (const _ of req); // the request, read whole
    res.writeHead(200, {
      "content-type": "application/json",
      ...(req.url?.includes("declared") ? { "content-length": String(total) } : {}),
    });
    written.push(streamBytes(res, total));
  });
  baseUrl = new URL(server.url);
});
afterAll(() => server?.close());

const request = (path: string) => ({
  method: "post",
  path,
  mediaType: "application/x-www-form-urlencoded",
  fields: { a: "1" },
});

describe("reading an answer", () => {
  it("is 1 MiB by default", () => {
    expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(MiB);
  });

  it.each(["/chunked", "/declared"])("stops past the limit (%s) and says which", async (path) => {
    const answer = await send(baseUrl, request(path), { timeoutMs: 60_000 });
    expect(answer).toEqual({
      ok: false,
      reason: `200 with a body over ${MiB} bytes, the limit (--max-response-bytes); reading stopped there`,
    });
    expect(await written.at(-1)).toBeLessThan(stoppedEarly);
  });

  it("takes a configured limit", async () => {
    const answer = await send(baseUrl, request("/chunked"), {
      timeoutMs: 60_000,
      maxResponseBytes: 100,
    });
    expect(answer.ok ? "answered in full" : answer.reason).toContain("over 100 bytes");
    expect(await written.at(-1)).toBeLessThan(stoppedEarly);
  });
});

it("a conformance run against it fails, names the limit, and reads none of it whole", async () => {
  const before = written.length;
  const result = await runConformance({ baseUrl, model, timeoutMs: 60_000 });
  expect(result.ok).toBe(false);
  expect(result.report).toContain(`over ${MiB} bytes, the limit (--max-response-bytes)`);
  const each = await Promise.all(written.slice(before));
  expect(each.length).toBeGreaterThan(0);
  for (const bytes of each) expect(bytes).toBeLessThan(stoppedEarly);
});
