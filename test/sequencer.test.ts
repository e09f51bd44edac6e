// The cross tests' start order (./sequencer.ts): longest first by durations.json, the same in a
// fresh clone as in a working checkout, a file that failed here last time first.
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { TestSpecification, Vitest } from "vitest/node";
import { readDurations } from "./durations.ts";
import LongestFirstSequencer from "./sequencer.ts";

const root = "/repo/test";
const spec = (file: string) =>
  ({ moduleId: `${root}/${file}`, project: { config: { root } } }) as unknown as TestSpecification;

/** A sequencer over a vitest cache holding `cached`, and durations.json holding `recorded`. */
function sequencer(
  cached: Record<string, { duration: number; failed: boolean }>,
  recorded: Record<string, number> = {},
) {
  const ctx = {
    cache: {
      getTestSpecificationResult: (s: TestSpecification) =>
        cached[s.moduleId.slice(root.length + 1)],
    },
  } as unknown as Vitest;
  const sorter = new LongestFirstSequencer(ctx, recorded);
  return (files: string[]) =>
    sorter.sort(files.map(spec)).then((s) => s.map((f) => f.moduleId.slice(root.length + 1)));
}

describe("the cross tests' start order", () => {
  it("starts the longest recorded file first, whatever vitest cached, and an unrecorded one before all", async () => {
    const order = await sequencer(
      { "short.test.ts": { duration: 9_000, failed: false } },
      { "short.test.ts": 300, "long.test.ts": 15_000 },
    )(["short.test.ts", "new.test.ts", "long.test.ts"]);
    expect(order).toEqual(["new.test.ts", "long.test.ts", "short.test.ts"]);
  });

  it("starts a file that failed here last time first", async () => {
    const order = await sequencer(
      { "c.test.ts": { duration: 20, failed: true } },
      { "a.test.ts": 10, "b.test.ts": 5_000, "c.test.ts": 20 },
    )(["a.test.ts", "b.test.ts", "c.test.ts"]);
    expect(order).toEqual(["c.test.ts", "b.test.ts", "a.test.ts"]);
  });

  it("durations.json records files that exist (a renamed or deleted file's entry is stale)", () => {
    const recorded = Object.keys(readDurations());
    expect(recorded.length, "run `npm run bench:tests -- --write-durations`").toBeGreaterThan(0);
    const stale = recorded.filter((file) => !existsSync(new URL(file, import.meta.url)));
    expect(stale, "rerun `npm run bench:tests -- --write-durations`").toEqual([]);
  });
});
