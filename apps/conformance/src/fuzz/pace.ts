// Gentleness towards a real deployment: every request of a fuzz run goes through one Pace, which
// keeps a total request budget, spaces requests to a rate, and stops the run after repeated
// connection errors (a deployment that is down, or that started refusing us, gets no more). The
// fixed checks (../run.ts) go through one too, for that last rule.
import type { WireAnswer } from "../send.ts";

/** Why a run stopped before its planned cases were all sent. */
export class Stopped extends Error {
  readonly reason: "budget" | "connection";

  constructor(reason: "budget" | "connection", message: string) {
    super(message);
    this.reason = reason;
  }
}

export interface PaceOptions {
  /** Most requests the run may send, shrinking included. */
  budget: number;
  /** Requests per second; undefined: as fast as the answers come. */
  rate: number | undefined;
  /** Connection errors in a row (no answer at all) that stop the run. */
  maxConnectionErrors: number;
  /** Injected in tests; default the real clock. */
  clock?: { now(): number; sleep(ms: number): Promise<void> };
}

export const CONNECTION_ERRORS_IN_A_ROW = 5;
/** A real deployment (anything but loopback) gets at most this many requests a second by default. */
export const DEFAULT_REMOTE_RATE = 20;

const realClock = {
  now: () => performance.now(),
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
};

export class Pace {
  readonly #options: PaceOptions;
  readonly #clock: NonNullable<PaceOptions["clock"]>;
  #sent = 0;
  #errorsInARow = 0;
  #nextStart = Number.NEGATIVE_INFINITY;

  constructor(options: PaceOptions) {
    this.#options = options;
    this.#clock = options.clock ?? realClock;
  }

  /** Requests sent so far. */
  get sent(): number {
    return this.#sent;
  }

  get remaining(): number {
    return this.#options.budget - this.#sent;
  }

  /** Sends one request through `send` when the budget and the rate allow; throws Stopped. */
  async send(send: () => Promise<WireAnswer>): Promise<WireAnswer> {
    if (this.#sent >= this.#options.budget) {
      throw new Stopped(
        "budget",
        `the request budget (${this.#options.budget}) is spent: raise --max-requests or lower --max-examples`,
      );
    }
    const { rate } = this.#options;
    if (rate !== undefined) {
      const wait = this.#nextStart - this.#clock.now();
      if (wait > 0) await this.#clock.sleep(wait);
      this.#nextStart = this.#clock.now() + 1000 / rate;
    }
    this.#sent += 1;
    const answer = await send();
    if (answer.ok) {
      this.#errorsInARow = 0;
      return answer;
    }
    this.#errorsInARow += 1;
    if (this.#errorsInARow >= this.#options.maxConnectionErrors) {
      throw new Stopped(
        "connection",
        `${this.#errorsInARow} connection errors in a row (last: ${answer.reason}); is the deployment up?`,
      );
    }
    return answer;
  }
}
