// The fixed checks are as gentle as the fuzzer with a deployment that stops answering: after
// CONNECTION_ERRORS_IN_A_ROW requests in a row get no answer at all, they send no more (the
// fuzzer's own rule, its Pace), and the report says why. A real server drops every connection.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { loadApiModel } from "@klearstack/spec";
import { afterAll, beforeAll, expect, it } from "vitest";
import { planChecks } from "../src/checks.ts";
import { CONNECTION_ERRORS_IN_A_ROW } from "../src/fuzz/pace.ts";
import { runConformance } from "../src/index.ts";

const model = await loadApiModel();
let connections = 0;
const server = createServer();
server.on("connection", (socket) => {
  connections++;
  socket.destroy();
});
let baseUrl: URL;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

it("the fixed checks stop after repeated connection errors, saying so", async () => {
  const planned = model.operations.flatMap((op) => planChecks(op)).length;
  expect(planned).toBeGreaterThan(CONNECTION_ERRORS_IN_A_ROW);
  const result = await runConformance({ baseUrl, model, timeoutMs: 10_000 });
  expect(connections).toBe(CONNECTION_ERRORS_IN_A_ROW);
  expect(result.ok).toBe(false);
  expect(result.outcomes.filter((o) => o.result === "fail")).toHaveLength(
    CONNECTION_ERRORS_IN_A_ROW,
  );
  expect(result.report).toMatch(
    new RegExp(`${CONNECTION_ERRORS_IN_A_ROW} connection errors in a row \\(last: .+\\)`),
  );
});
