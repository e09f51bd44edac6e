// The pace keeps a fuzz run gentle: never more requests than the budget, never faster than the
// rate, and a stop after repeated connection errors. A fake clock, so no test waits or times.
import { describe, expect, it } from "vitest";
import { Pace, Stopped } from "../../src/fuzz/pace.ts";
import type { WireAnswer } from "../../src/send.ts";

function fakeClock() {
  let now = 0;
  const starts: number[] = [];
  return {
    starts,
    clock: {
      now: () => now,
      sleep: async (ms: number) => {
        now += ms;
      },
    },
    answer: (answer: WireAnswer) => async () => {
      starts.push(now);
      now += 1; // each answer takes a millisecond
      return answer;
    },
  };
}
const ok: WireAnswer = { ok: true, status: 200, mediaType: "application/json", text: "{}" };
const refused: WireAnswer = { ok: false, reason: "connect ECONNREFUSED 127.0.0.1:9" };

describe("Pace", () => {
  it("starts requests at most `rate` a second", async () => {
    const { clock, starts, answer } = fakeClock();
    const pace = new Pace({ budget: 100, rate: 20, maxConnectionErrors: 5, clock });
    for (let i = 0; i < 10; i++) await pace.send(answer(ok));
    const gaps = starts.slice(1).map((t, i) => t - (starts[i] ?? 0));
    expect(gaps.every((gap) => gap >= 50)).toBe(true);
  });

  it("does not wait at all without a rate", async () => {
    const { clock, starts, answer } = fakeClock();
    const pace = new Pace({ budget: 100, rate: undefined, maxConnectionErrors: 5, clock });
    for (let i = 0; i < 10; i++) await pace.send(answer(ok));
    expect(starts.at(-1)).toBe(9);
  });

  it("refuses the request past the budget, saying which flag raises it", async () => {
    const { clock, answer } = fakeClock();
    const pace = new Pace({ budget: 3, rate: undefined, maxConnectionErrors: 5, clock });
    for (let i = 0; i < 3; i++) await pace.send(answer(ok));
    const over = pace.send(answer(ok));
    await expect(over).rejects.toBeInstanceOf(Stopped);
    await expect(over).rejects.toThrow("the request budget (3) is spent: raise --max-requests");
    expect(pace.sent).toBe(3);
  });

  it("stops after the fifth connection error in a row, and a success resets the count", async () => {
    const { clock, answer } = fakeClock();
    const pace = new Pace({ budget: 100, rate: undefined, maxConnectionErrors: 5, clock });
    for (let i = 0; i < 4; i++) await pace.send(answer(refused));
    await pace.send(answer(ok));
    for (let i = 0; i < 4; i++) expect((await pace.send(answer(refused))).ok).toBe(false);
    const fifth = pace.send(answer(refused));
    await expect(fifth).rejects.toThrow(
      "5 connection errors in a row (last: connect ECONNREFUSED 127.0.0.1:9); is the deployment up?",
    );
    await expect(fifth).rejects.toMatchObject({ reason: "connection" });
  });
});
