// The real mock (Prism's engine behind apps/mock's rules) on an ephemeral port, per test file.
import { type RunningMock, startMock } from "@klearstack/mock";
import { afterAll, beforeAll } from "vitest";

export function useMock(): { readonly url: string } {
  let mock: RunningMock | undefined;
  beforeAll(async () => {
    mock = await startMock({ port: 0, logLevel: "silent" });
  });
  afterAll(() => mock?.close());
  return {
    get url() {
      if (!mock) throw new Error("the mock is not running yet");
      return mock.url;
    },
  };
}
