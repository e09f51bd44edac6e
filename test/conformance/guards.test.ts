// The conformance run refuses unsafe or malformed runs before sending anything, keeps TLS
// verification on (a self-signed certificate is a failure, not a pass), and reports a server
// that does not answer as failing.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadSpec, resolveRef, tokenOperation } from "@klearstack/spec";
import { describe, expect, it } from "vitest";
import { conformance } from "./cli.ts";

/** A throwaway key and certificate; the folder holding the private key is gone before it returns. */
function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), "klearstack-tls-"));
  try {
    execFileSync(
      "openssl",
      ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"]
        .concat(["-addext", "subjectAltName=IP:127.0.0.1"])
        .concat(["-keyout", join(dir, "key.pem"), "-out", join(dir, "cert.pem")]),
      { stdio: "pipe" },
    );
    return { key: readFileSync(join(dir, "key.pem")), cert: readFileSync(join(dir, "cert.pem")) };
  } catch (error) {
    throw new Error(
      `openssl is needed to make a throwaway certificate (apt-get install openssl): ${String(error)}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("conformance --help", () => {
  it("lists one flag per form field of the spec (`_` as `-`), with the spec's description", async () => {
    const spec = loadSpec();
    const { operation, requestMediaTypes, exampleFields } = tokenOperation(spec);
    const request = resolveRef(spec, operation.requestBody.content[requestMediaTypes[0]!]!.schema);
    const properties = request.properties as Record<string, unknown>;
    const run = await conformance(["--help"]);
    expect(run.code).toBe(0);
    expect(run.output).toContain("usage: npm run conformance -- --base-url <URL>");
    expect(Object.keys(exampleFields).length).toBeGreaterThan(0);
    for (const name of Object.keys(exampleFields)) {
      const description = String(resolveRef(spec, properties[name]).description);
      const line = run.output
        .split("\n")
        .find((l) => l.trim().startsWith(`--${name.replaceAll("_", "-")} `));
      expect(line, name).toBeDefined();
      expect(line, name).toContain(description);
    }
  });
});

describe("conformance refuses unsafe or malformed runs (exit 2)", () => {
  it("without --base-url, with the usage line", async () => {
    const run = await conformance([]);
    expect(run.code).toBe(2);
    expect(run.output).toContain("usage: npm run conformance -- --base-url <URL>");
  });

  it("when NODE_TLS_REJECT_UNAUTHORIZED=0 would switch TLS verification off", async () => {
    const run = await conformance(["--base-url", "https://127.0.0.1:9"], {
      NODE_TLS_REJECT_UNAUTHORIZED: "0",
    });
    expect(run.code).toBe(2);
    expect(run.output).toContain("NODE_TLS_REJECT_UNAUTHORIZED=0");
  });

  it("for a base URL carrying credentials, without echoing them", async () => {
    const run = await conformance(["--base-url", "https://me:hunter2@127.0.0.1:9"]);
    expect(run.code).toBe(2);
    expect(run.output).toContain("must not carry user:password@");
    expect(run.output).not.toContain("hunter2");
  });

  it("for plain http to anything but loopback (tokens would cross the network in clear)", async () => {
    const run = await conformance(["--base-url", "http://klearstack.invalid"]);
    expect(run.code).toBe(2);
    expect(run.output).toContain("plain http is only allowed for loopback");
  });
});

describe("conformance keeps TLS verification on", () => {
  it("fails every check against a server with a self-signed certificate", async () => {
    const server = createServer(selfSignedCertificate(), (_req, res) => res.end("unreachable"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const run = await conformance(["--base-url", `https://127.0.0.1:${port}`]);
      expect(run.code).toBe(1);
      expect(run.output).toMatch(/no response: .*(self-signed|certificate)/i);
      expect(run.output).not.toMatch(/\bPASS$/m);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe("conformance against a server that is not there", () => {
  it("reports every check as failing with why, and exits 1", async () => {
    // Bind and release a port: nothing listens there afterwards.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const run = await conformance([
      "--base-url",
      `http://127.0.0.1:${port}`,
      "--timeout-ms",
      "5000",
    ]);
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/no response: .*ECONNREFUSED/);
  });
});
