// The real mock (Prism's engine behind apps/mock's rules) on a free port, silent, for the test file
// or describe block that calls useMock(): started before its tests (after the hooks registered
// before the call), closed after them. `url` is the mock's base URL, e.g. http://127.0.0.1:41234.
import { type MockOptions, type RunningMock, startMock } from "@klearstack/mock";
import { afterAll, beforeAll } from "vitest";

/** `options` may be a function, for options known only once an earlier hook ran (a temp spec). */
export function useMock(options: MockOptions | (() => MockOptions) = {}): { readonly url: string } {
  let mock: RunningMock | undefined;
  beforeAll(async () => {
    const given = typeof options === "function" ? options() : options;
    mock = await startMock({ port: 0, logLevel: "silent", ...given });
  });
  afterAll(() => mock?.close());
  return {
    get url() {
      if (!mock) throw new Error("the mock is not running yet");
      return mock.url;
    },
  };
}
