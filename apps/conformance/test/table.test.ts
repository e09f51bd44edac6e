// The report is one row per check in the order they ran, then why each failure failed and why each
// operation that could not run did not, then a count that a script can read.
import { loadApiModel } from "@klearstack/spec";
import { describe, expect, it } from "vitest";
import { planChecks } from "../src/checks.ts";
import type { Outcome } from "../src/run.ts";
import { renderTable } from "../src/table.ts";

const model = await loadApiModel();
const [first, second] = model.operations;
const [passing, failing] = planChecks(first!);
const notRun = planChecks(second!);

describe("renderTable", () => {
  const outcomes: Outcome[] = [
    { check: passing!, result: "pass", got: "200 application/json", problems: [] },
    {
      check: failing!,
      result: "fail",
      got: "400 text/plain",
      problems: ["status 400, expected 500"],
    },
    ...notRun.map(
      (check): Outcome => ({ check, result: "not run", got: "not run", problems: ["needs x"] }),
    ),
  ];
  const table = renderTable(outcomes);
  const lines = table.split("\n");

  it("has a header and one row per check, naming operation, encoding, check and result", () => {
    expect(lines[0]).toMatch(
      /^#\s+operation\s+request encoding\s+check\s+expected\s+got\s+result$/,
    );
    expect(lines.filter((l) => /^\d+ /.test(l))).toHaveLength(outcomes.length);
    expect(lines[2]).toMatch(
      new RegExp(`^1\\s+${first!.operationId}\\s+\\S+\\s+${passing!.name}\\s.*PASS$`),
    );
    expect(lines[3]).toMatch(/FAIL$/);
    expect(lines[4]).toMatch(/NOT RUN$/);
  });

  it("lists each failure's problems, each not-run operation once, and the counts", () => {
    expect(table).toContain(
      `  2. ${failing!.name} (${first!.operationId}, ${failing!.mediaType})\n     - status 400, expected 500`,
    );
    expect(table.match(new RegExp(`  ${second!.operationId}: needs x`, "g"))).toHaveLength(1);
    expect(lines.at(-1)).toBe(
      `1/${outcomes.length} checks passed, 1 failed, ${notRun.length} not run.`,
    );
  });

  it("ends with a plain count when everything passed", () => {
    expect(renderTable(outcomes.slice(0, 1)).split("\n").at(-1)).toBe("1/1 checks passed.");
  });
});
