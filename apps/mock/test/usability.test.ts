// Reload on spec change, and Prism's response validation being live (so "no violations" in the
// other tests means something). CORS has its own file (cors.test.ts).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { startMock } from "../src/index.ts";
import { call, documentedBody, form, loginOperation, specPath, successStatus } from "./support.ts";

const issuer = loginOperation();
const validForm = form(issuer.exampleFields);
const original = readFileSync(specPath, "utf8");
const version = String(
  (documentedBody(issuer, successStatus(issuer)) as { release_version: unknown }).release_version,
);
const scratch = mkdtempSync(join(tmpdir(), "klearstack-mock-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of the spec with every example body's release_version replaced. */
function specWithVersion(file: string, replacement: string) {
  const edited = original.replaceAll(
    `release_version: ${version}`,
    `release_version: ${replacement}`,
  );
  expect(edited).not.toBe(original);
  writeFileSync(file, edited);
}

describe("Prism's response validation", () => {
  it("reports a violation when the spec's own example breaks its schema", async () => {
    const file = join(scratch, "broken-example.yaml");
    specWithVersion(file, "seven");
    const mock = await startMock({ port: 0, specPath: file, logLevel: "silent" });
    try {
      const reply = await call(mock.url, issuer, { body: validForm });
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
    // The mock says on stderr when it refuses an edit: the condition to wait for (at "error", no
    // request lines mix in).
    let stderr = "";
    const write = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      stderr += String(chunk);
      return true;
    });
    const mock = await startMock({ port: 0, specPath: file, watch: true, logLevel: "error" });
    const served = async () =>
      JSON.parse((await call(mock.url, issuer, { body: validForm })).text).release_version;
    try {
      expect(await served()).toBe(version);
      specWithVersion(file, "9.9.9");
      await vi.waitFor(async () => expect(await served()).toBe("9.9.9"), {
        timeout: 30_000,
        interval: 50,
      });
      writeFileSync(file, "openapi: [not yaml");
      await vi.waitFor(() => expect(stderr).toContain("mock: kept the previous spec"), {
        timeout: 30_000,
        interval: 20,
      });
      expect(await served()).toBe("9.9.9");
    } finally {
      write.mockRestore();
      await mock.close();
    }
  });
});

describe("reload() for a host that watches the spec itself (npm start)", () => {
  it("serves the edited spec after reload(), and refuses an edit that does not load, saying why", async () => {
    const file = join(scratch, "reloaded.yaml");
    writeFileSync(file, original);
    const mock = await startMock({ port: 0, specPath: file, logLevel: "silent" });
    const served = async () =>
      JSON.parse((await call(mock.url, issuer, { body: validForm })).text).release_version;
    try {
      specWithVersion(file, "9.9.8");
      expect(await served()).toBe(version); // not watching: nothing changes by itself
      await mock.reload();
      expect(await served()).toBe("9.9.8");
      writeFileSync(file, "openapi: [not yaml");
      await expect(mock.reload()).rejects.toThrow();
      expect(await served()).toBe("9.9.8");
    } finally {
      await mock.close();
    }
  });
});
