// The masker learns from answers only values long enough to be secrets: a deployment answering
// `"access_token":"e"` must not turn every "e" of the report into the mask. A real server answers
// every request that way.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { loadApiModel, SECRET_MASK } from "@klearstack/spec";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runConformance } from "../src/index.ts";

const model = await loadApiModel();
// Every property of every documented success body, each holding "e".
const answer = Object.fromEntries(
  model.operations.flatMap((op) => op.success?.body?.tokens.map((t) => [t.name, "e"]) ?? []),
);

const server = createServer(async (req, res) => {
  for await (const _ of req);
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
});
let baseUrl: URL;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

it("a one-letter token is not learned as a secret", async () => {
  expect(Object.keys(answer).length).toBeGreaterThan(0);
  const result = await runConformance({ baseUrl, model, timeoutMs: 10_000 });
  expect(result.ok).toBe(false);
  expect(result.report.startsWith("Conformance of ")).toBe(true);
  expect(result.report).not.toContain(SECRET_MASK);
});
