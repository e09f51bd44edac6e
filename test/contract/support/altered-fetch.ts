// Real fetch with a twist, for asking the mock for the API's documented error answers.
import type { Fetch } from "@klearstack/client";

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
 * API's own missing-field answer can be exercised through the typed client. Every other header
 * (Authorization included) goes along; the content type is re-derived from the new body.
 */
export const fetchWithout =
  (field: string): Fetch =>
  async (input, init) => {
    const request = new Request(input, init);
    const form = await request.formData();
    form.delete(field);
    const urlencoded = request.headers.get("content-type") === "application/x-www-form-urlencoded";
    const body = urlencoded ? new URLSearchParams(form as unknown as [string, string][]) : form;
    const headers = new Headers(request.headers);
    if (!urlencoded) headers.delete("content-type");
    return fetch(request.url, { method: request.method, body, headers, signal: request.signal });
  };
