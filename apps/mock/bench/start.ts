// Start-up, measured in one run next to `prism mock`: each server is started several times, in
// turn (so that a change in the machine's load hits every one alike), timed from spawn to its first
// 200, and reported by its median. `npm run mock` is set against npm's own start-up: `npm run` of a
// script that does nothing, in a package of its own.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ServerName, startServer, timeToExit } from "./servers.ts";

export interface StartTimes {
  /**
   * By server, median ms from spawn to the first 200 (`wall`), and the median CPU time the
   * spawned process had used by then (`cpu`; NaN for npm, whose work is in its children).
   */
  servers: Map<string, { wall: number; cpu: number }>;
  /** Median ms of `npm run` of a script that does nothing. */
  npmOwn: number;
  /** Median, over the rounds, of what `npm run mock` took more than (a) in the same round. */
  npmAdds: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

interface Variant {
  label: string;
  server: ServerName;
  env?: Record<string, string>;
}

export const VARIANTS: Variant[] = [
  { label: "(a) our mock", server: "(a) our mock" },
  {
    label: "(a) without compile cache",
    server: "(a) our mock",
    env: { NODE_DISABLE_COMPILE_CACHE: "1" },
  },
  { label: "(b) prism mock CLI", server: "(b) prism mock CLI" },
  { label: "npm run mock", server: "npm run mock" },
];

export async function measureStarts(runs: number): Promise<StartTimes> {
  const samples = new Map(
    VARIANTS.map((v) => [v.label, { wall: [] as number[], cpu: [] as number[] }]),
  );
  const noop = mkdtempSync(join(tmpdir(), "klearstack-bench-npm-"));
  const npmOwn: number[] = [];
  try {
    writeFileSync(
      join(noop, "package.json"),
      JSON.stringify({ name: "noop", private: true, scripts: { noop: "exit 0" } }),
    );
    // A first round that is not counted: it fills Node's compile cache and the OS file cache, as
    // any earlier start would have.
    for (let round = 0; round <= runs; round++) {
      for (const { label, server, env } of VARIANTS) {
        const started = await startServer(server, env);
        started.stop();
        if (round > 0) {
          samples.get(label)?.wall.push(started.startMs);
          samples.get(label)?.cpu.push(server === "npm run mock" ? Number.NaN : started.startCpuMs);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      const own = await timeToExit("npm", ["run", "noop"], noop);
      if (round > 0) npmOwn.push(own);
    }
  } finally {
    rmSync(noop, { recursive: true, force: true });
  }
  const walls = (label: string) => samples.get(label)?.wall ?? [];
  const ours = walls("(a) our mock");
  return {
    npmAdds: median(walls("npm run mock").map((ms, round) => ms - (ours[round] ?? Number.NaN))),
    servers: new Map(
      [...samples].map(([label, { wall, cpu }]) => [
        label,
        { wall: median(wall), cpu: median(cpu) },
      ]),
    ),
    npmOwn: median(npmOwn),
  };
}
