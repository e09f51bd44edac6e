import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { nodeRefusal } from "../src/cli/engines.ts";

const { engines } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

describe("the command's Node check", () => {
  it("refuses a Node older than engines.node in one line naming both versions", () => {
    for (const running of ["18.20.4", "20.2.9", "19.9.0", "20.2.0"]) {
      const refusal = nodeRefusal("klearstack-token", ">=20.3.0", running);
      expect(refusal).toBe(
        `klearstack-token: needs Node >=20.3.0, and this is Node ${running}. Install Node 20.3.0 or later, then run it again.\n`,
      );
    }
  });

  it("accepts the floor and anything newer", () => {
    for (const running of ["20.3.0", "20.3.1", "20.20.2", "21.0.0", "24.21.0"]) {
      expect(nodeRefusal("klearstack-token", ">=20.3.0", running)).toBeUndefined();
    }
  });

  it("reads the package's own engines field, and fails loudly on one it cannot read", () => {
    expect(nodeRefusal("klearstack-token", engines.node, process.versions.node)).toBeUndefined();
    expect(() => nodeRefusal("klearstack-token", "^20 || ^22", "22.0.0")).toThrow(/engines.node/);
  });
});
