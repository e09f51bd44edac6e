// Sending a prepared request and reading the answer whole: status, the headers the browser lets
// the page read, the body as text, and the time from sending to the last byte.
import { fetchArguments, type PreparedRequest } from "./request.ts";

export interface Answer {
  status: number;
  statusText: string;
  headers: [name: string, value: string][];
  contentType: string;
  body: string;
  ms: number;
}

export async function send(
  request: PreparedRequest,
  fetchImpl: typeof fetch = fetch,
  now: () => number = () => performance.now(),
): Promise<Answer> {
  const started = now();
  const response = await fetchImpl(...fetchArguments(request));
  const body = await response.text();
  return {
    status: response.status,
    statusText: response.statusText,
    headers: [...response.headers],
    contentType: response.headers.get("content-type") ?? "",
    body,
    ms: now() - started,
  };
}
