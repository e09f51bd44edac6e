import { loadApiModel } from "@klearstack/spec";
import { describe, expect, it } from "vitest";
import { CHANGELOG_HEADER, firstReleaseSection, withSection } from "../changelog.ts";

const section = (version: string, line: string) => `## ${version}\n\n### Added\n\n- ${line}\n`;

describe("withSection", () => {
  it("starts an empty changelog with the header, then the section", () => {
    expect(withSection("", section("1.1.0", "a"))).toBe(
      `${CHANGELOG_HEADER}\n${section("1.1.0", "a")}`,
    );
  });

  it("puts a new version first, under the header, keeping the older sections", () => {
    const before = withSection(CHANGELOG_HEADER, section("1.1.0", "a"));
    const after = withSection(before, section("1.2.0", "b"));
    expect(after).toBe(`${CHANGELOG_HEADER}\n${section("1.2.0", "b")}\n${section("1.1.0", "a")}`);
  });

  it("replaces the section of the same version: a second run writes the entry once", () => {
    const once = withSection(withSection("", section("1.1.0", "a")), section("1.2.0", "b"));
    const twice = withSection(once, section("1.2.0", "c"));
    expect(twice).toBe(`${CHANGELOG_HEADER}\n${section("1.2.0", "c")}\n${section("1.1.0", "a")}`);
    expect(twice.match(/^## 1\.2\.0$/gm)).toHaveLength(1);
  });

  it("refuses a section without its version heading", () => {
    expect(() => withSection("", "### Added\n\n- a\n")).toThrow(/starts with "## <version>"/);
  });
});

describe("firstReleaseSection", () => {
  it("lists every operation of the spec as added, under the spec's version", async () => {
    const model = await loadApiModel();
    const text = firstReleaseSection(model);
    expect(text.startsWith(`## ${model.version}\n`)).toBe(true);
    const items = text.split("\n").filter((line) => line.startsWith("- "));
    expect(items).toHaveLength(model.operations.length);
    for (const op of model.operations) {
      expect(text).toContain(`- \`${op.operationId}\`: \`${op.method.toUpperCase()} ${op.path}\``);
    }
  });
});
