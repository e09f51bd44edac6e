// CORS the way `prism mock` does it: the request's Origin is echoed and credentials are allowed,
// so a browser page that sends cookies or HTTP auth (`fetch(..., { credentials: "include" })`,
// `xhr.withCredentials = true`) can read the answer. A wildcard origin would make the browser
// drop every credentialed answer. The docs' samples and try-it console call the mock cross-origin,
// with a preflight whenever they send a non-simple header (Authorization, Prefer).
import type { IncomingMessage, ServerResponse } from "node:http";

export function allowOrigin(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader("access-control-allow-origin", req.headers.origin ?? "*");
  res.setHeader("access-control-allow-credentials", "true");
  // The answer's headers depend on the Origin: a shared cache must not serve one origin's to another.
  res.setHeader("vary", "Origin");
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
    // Whatever the page asks to send (Authorization, Content-Type, Prefer, …) is allowed.
    const requested = req.headers["access-control-request-headers"];
    if (requested) res.setHeader("access-control-allow-headers", requested);
    res.setHeader("access-control-max-age", "600");
  }
  res.writeHead(204).end();
}
