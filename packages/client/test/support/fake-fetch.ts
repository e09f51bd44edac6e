// Unit-test transport: answers from a function and records every request (nothing leaves memory).
import type { Fetch } from "../../src/index.ts";

export type Responder = (request: Request, attempt: number) => Response | Promise<Response>;

export function fakeFetch(responder: Responder) {
  const requests: Request[] = [];
  const fetch: Fetch = async (input, init) => {
    const request = new Request(input, init);
    requests.push(request.clone());
    return responder(request, requests.length);
  };
  return { fetch, requests };
}

export const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), {
    ...init,
    headers: { "Content-Type": "application/json", ...init.headers },
  });

export const text = (body: string, status: number, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { "Content-Type": "text/plain", ...headers } });
