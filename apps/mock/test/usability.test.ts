// CORS for the docs' browser sample, reload on spec change, and Prism's response validation
// being live (so "no violations" in the other tests means something).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { startMock } from "../src/index.ts";
import { documented200, form, operationPath, send, specPath, useMock, valid } from "./support.ts";

const validForm = form(valid);
const original = readFileSync(specPath, "utf8");
const version = (documented200 as { release_version: string }).release_version;
const scratch = mkdtempSync(join(tmpdir(), "klearstack-mock-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of the spec with the 200 example's release_version replaced. */
function specWithVersion(file: string, replacement: string) {
  const edited = original.replace(`release_version: ${version}`, `release_version: ${replacement}`);
  expect(edited).not.toBe(original);
  writeFileSync(file, edited);
}

describe("CORS", () => {
  const ctx = useMock();

  it("answers a preflight from another origin with 204 and the allowed method and headers", async () => {
    const res = await fetch(ctx.url, {
      method: "OPTIONS",
      headers: {
        origin: "http://127.0.0.1:8080",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type, prefer",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-methods")).toContain("POST");
    expect(res.headers.get("access-control-allow-headers")).toBe("content-type, prefer");
  });

  it("allows any origin on the actual answers, errors included", async () => {
    for (const body of [validForm, form({})]) {
      const res = await fetch(ctx.url, {
        method: "POST",
        body,
        headers: { origin: "http://x.test" },
      });
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
    }
  });
});

describe("Prism's response validation", () => {
  it("reports a violation when the spec's own example breaks its schema", async () => {
    const file = join(scratch, "broken-example.yaml");
    specWithVersion(file, "seven");
    const mock = await startMock({ port: 0, specPath: file, logLevel: "silent" });
    try {
      const reply = await send(`${mock.url}${operationPath}`, { body: validForm });
      expect(reply.headers.get("sl-violations")).toMatch(/release_version/);
    } finally {
      await mock.close();
    }
  });
});

describe("reload on spec change (watch: true)", () => {
  it("serves the edited spec, and keeps the last good one when an edit does not parse", async () => {
    const file = join(scratch, "openapi.yaml");
    writeFileSync(file, original);
    const mock = await startMock({ port: 0, specPath: file, watch: true, logLevel: "silent" });
    const url = `${mock.url}${operationPath}`;
    const served = async () =>
      JSON.parse((await send(url, { body: validForm })).text).release_version;
    try {
      expect(await served()).toBe(version);
      specWithVersion(file, "9.9.9");
      await vi.waitFor(async () => expect(await served()).toBe("9.9.9"), {
        timeout: 5000,
        interval: 50,
      });
      writeFileSync(file, "openapi: [not yaml");
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await served()).toBe("9.9.9");
    } finally {
      await mock.close();
    }
  });
});
