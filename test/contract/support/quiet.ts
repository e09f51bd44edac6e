// Assertions for values that hold tokens (the mock's, or a packed client's output). A failing
// `toEqual`/`toMatch`/`toBeInstanceOf` prints the value, and a test run's output is a log like any
// other: these fail with a message that says what went wrong and never shows the value.
import { isDeepStrictEqual } from "node:util";
import { expect } from "vitest";

const withheld = "(value withheld: it may hold tokens)";

/** `condition` holds; on failure only `what` is printed. */
export function expectQuietly(condition: boolean, what: string): void {
  expect(condition, `${what} ${withheld}`).toBe(true);
}

/** `actual` deep-equals `expected`; on failure only `what` is named. */
export function expectSameSecret(actual: unknown, expected: unknown, what: string): void {
  expectQuietly(isDeepStrictEqual(actual, expected), `${what} is not the expected value`);
}

/** What `call` rejected with; if it resolved instead, the test fails without showing the result. */
export function rejectionOf(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => {
      throw new Error(`expected the call to fail, but it resolved ${withheld}`);
    },
    (error: unknown) => error,
  );
}

/** JSON.parse without its SyntaxError, which quotes the text (and so any token in it). */
export function parseQuietly(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${what} is not JSON ${withheld}`);
  }
}
