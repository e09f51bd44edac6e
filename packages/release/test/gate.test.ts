// The release's reading of the breaking-change gate, fed GateResults shaped as the gate's
// contract defines them (fixtures/), and its CLI through a stand-in with the same exit codes.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { decide, parseVerdict, runGate } from "../gate.ts";

const fixture = (name: string) => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));
const verdict = (name: string) => parseVerdict(readFileSync(fixture(name), "utf8"));
const standIn = fixture("stand-in-gate.mjs");

describe("parseVerdict", () => {
  it("reads a contract-shaped GateResult", () => {
    const minor = verdict("gate-minor.json");
    expect(minor).toMatchObject({ requiredBump: "minor", actualBump: "minor", ok: true });
    expect(minor.findings).toHaveLength(1);
  });

  it("refuses output that is not JSON, naming what it got", () => {
    expect(() => parseVerdict("Comparing spec/openapi.yaml at v1.1.0")).toThrow(
      /not JSON: Comparing spec/,
    );
  });

  it("refuses a GateResult without the fields the release reads, naming each", () => {
    const { ok: _ok, requiredBump: _bump, ...rest } = verdict("gate-minor.json");
    expect(() => parseVerdict(JSON.stringify({ ...rest, requiredBump: "huge" }))).toThrow(
      "the gate's --json output lacks or mistypes: requiredBump, ok",
    );
  });
});

describe("decide: the gate's version rule", () => {
  it("releases head.version when the bump suffices", () => {
    expect(decide(verdict("gate-minor.json"), "v1.1.0")).toEqual({
      release: true,
      version: "1.2.0",
      bump: "minor",
      summary:
        "1 spec change since v1.1.0 needing a minor bump; info.version 1.1.0 → 1.2.0 is a minor bump: ok",
    });
  });

  it("refuses a bump too small for the changes, naming the version to use", () => {
    const decision = decide(verdict("gate-breaking-patch-bump.json"), "v1.1.0");
    expect(decision).toEqual({
      release: false,
      reason:
        "2 spec changes since v1.1.0 needing a major bump, and info.version 1.1.0 → 1.1.1 is a patch bump: set info.version in spec/openapi.yaml to 2.0.0, then run the release again",
    });
  });

  it("refuses to release the tag's own version again", () => {
    const decision = decide(verdict("gate-unchanged.json"), "v1.1.0");
    expect(decision.release).toBe(false);
    expect(decision).toMatchObject({
      reason: expect.stringMatching(
        /^info.version 1.1.0 is the version of v1.1.0, already released/,
      ),
    });
  });
});

describe("runGate: the gate's CLI", () => {
  afterEach(() => {
    delete process.env.GATE_FIXTURE;
  });

  it("reads the verdict and the changelog section, also when the gate exits 1 (bump too small)", () => {
    process.env.GATE_FIXTURE = fixture("gate-minor.json");
    const minor = runGate("v1.1.0", process.cwd(), standIn);
    expect(minor.verdict.ok).toBe(true);
    expect(minor.markdown).toBe(readFileSync(fixture("gate-minor.md"), "utf8"));

    process.env.GATE_FIXTURE = fixture("gate-breaking-patch-bump.json");
    const breaking = runGate("v1.1.0", process.cwd(), standIn);
    expect(breaking.verdict).toMatchObject({ ok: false, suggestedVersion: "2.0.0" });
    expect(breaking.markdown).toMatch(/^## 1\.1\.1\n\n### Breaking\n/);
  });

  it("fails with what the gate said when it prints no GateResult (a gate without --json)", () => {
    process.env.GATE_FIXTURE = fixture("gate-minor.md");
    expect(() => runGate("v1.1.0", process.cwd(), standIn)).toThrow(
      /^the gate's --json output is not JSON: \(it printed nothing\)\n.*SyntaxError/s,
    );
  });

  it("fails with the gate's message when the question is malformed (exit 2)", () => {
    expect(() => runGate("v1.1.0", process.cwd(), standIn)).toThrow(
      /the breaking-change gate failed \(exit 2\).*\n.*usage: --base REF/s,
    );
  });
});
