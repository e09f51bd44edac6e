// A hostile (or broken) server may answer with a body of any size. The client reads at most
// maxResponseBytes (default 1 MiB) and stops reading there, with an error naming the limit. A real
// server streams 64 MiB with backpressure and counts what it managed to write before the client
// hung up: that count, not a clock, shows the client stopped early.
import {
  type LocalServer,
  startLocalServer,
  streamBytes,
  toRequest,
} from "@klearstack/test-support/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exitCodes } from "../src/cli/run.ts";
import { createKlearStackClient, KlearStackResponseTooLargeError } from "../src/index.ts";
import { callOperation, exampleBearer, exampleInput, operations } from "./support/fixtures.ts";
import { cliCall, runCliInProcess } from "./support/in-process-cli.ts";
import { rejectionOf } from "./support/secret-safe-assertions.ts";

const MiB = 1024 * 1024;
/** What the server would send if nobody stopped it. */
const total = 64 * MiB;
/** What may have left the server once the client stops: its limit plus the sockets' buffers. */
const stoppedEarly = 16 * MiB;

// /<status>/<declared|chunked>/<path>: a huge body, its length declared up front or not.
let server: LocalServer;
const written: Promise<number>[] = [];
beforeAll(async () => {
  server = await startLocalServer(async (req, res) => {
    await toRequest(req, "http://local");
    const [, status, how] = (req.url ?? "/").split("/");
    res.writeHead(Number(status), {
      "Content-Type": "application/json",
      ...(how === "declared" ? { "Content-Length": String(total) } : {}),
    });
    written.push(streamBytes(res, total));
  });
});
afterAll(() => server?.close());

/** Bytes the server wrote for the last request, once it saw the client hang up. */
const lastWritten = () => written.at(-1) ?? Promise.resolve(Number.NaN);

describe.each(operations.map((op) => [op.operationId, op] as const))("%s", (_, op) => {
  it.each([
    [200, "chunked"],
    [500, "chunked"],
    [200, "declared"],
  ])("stops reading a %i %s body at the default limit (1 MiB)", async (status, how) => {
    const client = createKlearStackClient({ baseUrl: `${server.url}/${status}/${how}` });
    const error = await rejectionOf(callOperation(client, op));
    expect(error).toBeInstanceOf(KlearStackResponseTooLargeError);
    const tooLarge = error as KlearStackResponseTooLargeError;
    expect(tooLarge.kind).toBe("too-large");
    expect(tooLarge.maxResponseBytes).toBe(MiB);
    expect(tooLarge.status).toBe(status);
    expect(tooLarge.message).toContain(`over ${MiB} bytes, the limit (maxResponseBytes)`);
    expect(await lastWritten()).toBeLessThan(stoppedEarly);
  });

  it("honours a configured limit", async () => {
    const maxResponseBytes = 1000;
    const client = createKlearStackClient({
      baseUrl: `${server.url}/200/chunked`,
      maxResponseBytes,
    });
    const error = await rejectionOf(callOperation(client, op));
    expect((error as KlearStackResponseTooLargeError).maxResponseBytes).toBe(maxResponseBytes);
    expect(await lastWritten()).toBeLessThan(stoppedEarly);
  });

  it("klearstack-token prints nothing of it and exits 3 naming the limit", async () => {
    const input = exampleInput(op);
    const { argv, env } = cliCall(op, `${server.url}/200/chunked`, input, exampleBearer);
    const run = await runCliInProcess(argv, env);
    expect(run.code).toBe(exitCodes.api);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(`over ${MiB} bytes`);
    expect(await lastWritten()).toBeLessThan(stoppedEarly);
  });
});

it("refuses a limit that is not a positive number", () => {
  for (const maxResponseBytes of [0, -1, Number.NaN]) {
    expect(() => createKlearStackClient({ baseUrl: server.url, maxResponseBytes })).toThrow(
      "maxResponseBytes must be > 0",
    );
  }
});
