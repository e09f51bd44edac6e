// CORS: the docs' browser (XHR) sample calls the mock from another origin, with a preflight
// whenever it sends a non-simple header such as Prefer.
import type { IncomingMessage, ServerResponse } from "node:http";

export function allowOrigin(res: ServerResponse): void {
  // No credentials are involved (the call is unauthenticated), so the wildcard is enough.
  res.setHeader("access-control-allow-origin", "*");
  res.setHeader("access-control-expose-headers", "sl-violations");
}

export function isPreflight(req: IncomingMessage): boolean {
  return req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined;
}

/** 204 for OPTIONS: a preflight gets the CORS answers, any other OPTIONS just `Allow`. */
export function answerOptions(req: IncomingMessage, res: ServerResponse, methods: string[]): void {
  const allow = [...methods, "OPTIONS"].join(", ");
  res.setHeader("allow", allow);
  if (isPreflight(req)) {
    res.setHeader("access-control-allow-methods", allow);
    res.setHeader(
      "access-control-allow-headers",
      req.headers["access-control-request-headers"] ?? "content-type, prefer",
    );
    res.setHeader("access-control-max-age", "600");
  }
  res.writeHead(204).end();
}
