// The one test helper that runs the real mock for a test file: started before its tests on a free
// port, closed after them. Used by the mock's own tests and by every cross test
// (`@klearstack/mock/testing`), so "the mock's url" means the same thing everywhere.
import { afterAll, beforeAll } from "vitest";
import { type MockOptions, type RunningMock, startMock } from "./src/index.ts";

export interface MockForTests {
  /** The running mock's base URL, e.g. http://127.0.0.1:41234 (after beforeAll). */
  readonly url: string;
  /** The running mock itself (for reload(), port, …). */
  readonly mock: RunningMock;
}

/** Options may be a function, for options known only once other beforeAll hooks have run. */
export function useMock(options: MockOptions | (() => MockOptions) = {}): MockForTests {
  let running: RunningMock | undefined;
  beforeAll(async () => {
    const given = typeof options === "function" ? options() : options;
    running = await startMock({ port: 0, logLevel: "silent", ...given });
  });
  afterAll(() => running?.close());
  const current = () => {
    if (!running) throw new Error("the mock is not running yet (use it inside a test or hook)");
    return running;
  };
  return {
    get url() {
      return current().url;
    },
    get mock() {
      return current();
    },
  };
}
