// Assertions for values that may hold tokens or passwords (the client's answers and errors, the
// mock's, a packed client's output). A failing `toEqual`/`toContain`/`rejects` prints both sides,
// and a test run's output is a log like any other: these fail with a message that says what went
// wrong and never shows the value. The client's tests and the cross tests (test/contract) use them.
import { isDeepStrictEqual } from "node:util";
import { secretsIn } from "@klearstack/test-support/leaks";
import { expect } from "vitest";

const withheld = "(values withheld: they may hold tokens)";

/** `condition` holds; on failure only `what` is printed. */
export function expectQuietly(condition: boolean, what: string): void {
  expect(condition, `${what} ${withheld}`).toBe(true);
}

/** `actual` deep-equals `expected`; on failure only `what` is named. */
export function expectSameSecret(actual: unknown, expected: unknown, what: string): void {
  expectQuietly(isDeepStrictEqual(actual, expected), `${what} is not the expected value`);
}

/** `actual` differs from `other`; on failure only `what` is named. */
export function expectDifferentSecret(actual: unknown, other: unknown, what: string): void {
  expectQuietly(!isDeepStrictEqual(actual, other), `${what} did not change`);
}

/** No secret (nor a distinctive part of one) occurs in `text`; on failure, how many did, not which. */
export function expectNoSecret(text: string, secrets: readonly string[], where: string): void {
  const found = secretsIn(text, secrets);
  expect(found, `${where} contains ${found} of the ${secrets.length} secrets ${withheld}`).toBe(0);
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
