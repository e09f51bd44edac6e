// The host's speed at the moment, as a baseline for `npm run bench:tests`: the CPU time of a fixed
// compute loop, the median of five. This machine is a virtual one whose speed changes from minute
// to minute (this loop took 554-899 ms over one evening's runs; the same sum as a `node -e`
// one-liner, 0.72-1.46 s within a day), and the suite is CPU-bound, so a wall time means little
// without the speed it ran at. Taken while nothing else runs, before and after the suite: lower is
// faster.

const iterations = 4e8;

/** CPU milliseconds of one run of the loop. */
function loopCpuMs(): number {
  const start = process.cpuUsage();
  let sum = 0;
  for (let i = 0; i < iterations; i++) sum += i % 7;
  // Used, so the loop is not optimised away.
  if (sum < 0) throw new Error("unreachable");
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
}

/** The median CPU time, in ms, of five runs of the loop. */
export function hostSpeedMs(): number {
  const runs = Array.from({ length: 5 }, loopCpuMs).sort((a, b) => a - b);
  return Math.round(runs[2] ?? Number.NaN);
}
