// The real mock (Prism's engine behind apps/mock's rules) on an ephemeral port, per test file.
import type { Fetch } from "@klearstack/client";
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

/** Real fetch with one header added: how a test asks the mock for a documented answer. */
export const fetchWith =
  (name: string, value: string): Fetch =>
  (input, init) => {
    const request = new Request(input, init);
    request.headers.set(name, value);
    return fetch(request);
  };

/**
 * Real fetch that drops one form field after the client validated and encoded the body, so the
 * API's own missing-field answer can be exercised through the typed client.
 */
export const fetchWithout =
  (field: string): Fetch =>
  async (input, init) => {
    const request = new Request(input, init);
    const form = await request.formData();
    form.delete(field);
    const urlencoded = request.headers.get("content-type") === "application/x-www-form-urlencoded";
    const body = urlencoded ? new URLSearchParams(form as unknown as [string, string][]) : form;
    const headers = urlencoded
      ? { "Content-Type": "application/x-www-form-urlencoded" }
      : undefined;
    return fetch(request.url, { method: request.method, body, headers, signal: request.signal });
  };
