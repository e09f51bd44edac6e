// A deployment may echo the request in its answers: the form body as it arrived (urlencoded or
// multipart) or the values JSON-escaped. Whatever the encoding, the password the user gave never
// reaches the report. A real server echoes every request in a 500.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { encodingsOf, loadApiModel } from "@klearstack/spec";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runConformance } from "../src/index.ts";
import { runInputs } from "../src/inputs.ts";

const model = await loadApiModel();
const password = 'Pw-x s&x=%+"é\nend';
const secretFields = runInputs(model).fields.filter((input) => input.secret);

let answers = 0;
const server = createServer(async (req, res) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  // Every other answer JSON-escapes the body instead of quoting it as it came.
  const echo = answers++ % 2 ? JSON.stringify(raw) : raw;
  res.writeHead(500, { "content-type": "text/plain" }).end(`rejected: ${echo}`);
});
let baseUrl: URL;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

it("no form of a given secret reaches the report", async () => {
  expect(secretFields.length).toBeGreaterThan(0);
  const fields = Object.fromEntries(secretFields.map((input) => [input.name, password]));
  const result = await runConformance({ baseUrl, model, fields, timeoutMs: 10_000 });
  expect(result.report).toContain("rejected: ");
  // Counted, not listed: a failure must not print the password either.
  const found = encodingsOf(password).filter((form) => result.report.includes(form)).length;
  expect(found, "encodings of the password found in the report").toBe(0);
});
