// The conformance run lists its model-derived flags, refuses unsafe or malformed runs (and any
// secret on the command line) before sending anything, keeps TLS verification on (a self-signed
// certificate is a failure, not a pass), and reports a server that does not answer as failing.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runInputs } from "@klearstack/conformance";
import { loadApiModel } from "@klearstack/spec";
import { closedPort, startLocalServer } from "@klearstack/test-support/server";
import { describe, expect, it } from "vitest";
import { conformance } from "./cli.ts";

const model = await loadApiModel();
const inputs = runInputs(model);

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
  it("lists one flag per request field of every operation, with the spec's description", async () => {
    const run = await conformance(["--help"], { process: true }); // the process: exit 0, stdout
    expect(run.code).toBe(0);
    expect(run.output).toContain("usage: npm run conformance -- --base-url <URL>");
    const lines = run.output.split("\n").map((line) => line.trim());
    const fields = new Map(model.operations.flatMap((op) => op.fields.map((f) => [f.name, f])));
    expect(fields.size).toBeGreaterThan(0);
    for (const [name, field] of fields) {
      const input = inputs.fields.find((i) => i.name === name);
      // A secret is listed by where it may come from: its stdin flag and its variable.
      const flag = input?.secret
        ? `--${input.secret.stdinFlag}`
        : `--${name.replaceAll("_", "-")} `;
      const line = lines.find((l) => l.startsWith(flag));
      expect(line, name).toBeDefined();
      expect(line, name).toContain(String(field.description).replace(/\s+/g, " ").trim());
      if (input?.secret) expect(line, name).toContain(input.secret.env);
    }
    for (const bearer of inputs.bearers) {
      expect(lines.find((l) => l.startsWith(`--${bearer.secret.stdinFlag}`))).toContain(
        bearer.secret.env,
      );
    }
    expect(run.leaked, "secrets the help printed (names only)").toEqual([]);
  });
});

describe("conformance never takes a secret on the command line (exit 2)", () => {
  const secrets = [...inputs.fields, ...inputs.bearers].filter((i) => i.secret);

  it.each(secrets.map((i) => [i.flag, i] as const))(
    "refuses --%s VALUE, pointing to its variable and stdin flag, without repeating the value",
    async (flag, input) => {
      const run = await conformance(["--base-url", "http://127.0.0.1:9", `--${flag}`, "hunter2"]);
      expect(run.code).toBe(2);
      expect(run.output).toContain(`--${flag} would put a secret on the command line`);
      expect(run.output).toContain(`set ${input.secret?.env}`);
      expect(run.output).toContain(`--${input.secret?.stdinFlag}`);
      expect(run.output).not.toContain("hunter2");
    },
  );

  it("does not repeat a stray argument either (it may be a secret after a misspelt flag)", async () => {
    const run = await conformance(["--base-url", "http://127.0.0.1:9", "hunter2"]);
    expect(run.code).toBe(2);
    expect(run.output).toContain("unexpected argument (not shown)");
    expect(run.output).not.toContain("hunter2");
  });

  it("refuses a --*-stdin flag when standard input has no line for it", async () => {
    const [input] = secrets;
    const run = await conformance([
      "--base-url",
      "http://127.0.0.1:9",
      `--${input?.secret?.stdinFlag}`,
    ]);
    expect(run.code).toBe(2);
    expect(run.output).toContain("standard input held no line 1");
  });
});

describe("conformance refuses unsafe or malformed runs (exit 2)", () => {
  it("without --base-url, with the usage line", async () => {
    const run = await conformance([], { process: true }); // the process: exit 2, stderr
    expect(run.code).toBe(2);
    expect(run.output).toContain("usage: npm run conformance -- --base-url <URL>");
  });

  it("when NODE_TLS_REJECT_UNAUTHORIZED=0 would switch TLS verification off", async () => {
    const run = await conformance(["--base-url", "https://127.0.0.1:9"], {
      env: { NODE_TLS_REJECT_UNAUTHORIZED: "0" },
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
  it("passes no check against a server with a self-signed certificate", async () => {
    const server = await startLocalServer((_req, res) => res.end("unreachable"), {
      tls: selfSignedCertificate(),
    });
    try {
      const run = await conformance(["--base-url", server.url]);
      expect(run.code).toBe(1);
      expect(run.output).toMatch(/no response: .*(self-signed|certificate)/i);
      expect(run.output).not.toMatch(/\bPASS$/m);
      expect(run.output).toMatch(/0\/\d+ checks passed/);
    } finally {
      await server.close();
    }
  });
});

describe("conformance against a server that is not there", () => {
  it("reports the checks as failing with why, and exits 1", async () => {
    const run = await conformance([
      "--base-url",
      `http://127.0.0.1:${await closedPort()}`,
      "--timeout-ms",
      "5000",
    ]);
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/no response: .*ECONNREFUSED/);
  });
});
