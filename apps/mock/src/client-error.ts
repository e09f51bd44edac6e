// Answers Node's HTTP server gives outside the request handler, in the mock's text/plain style:
// - requests its parser refuses (bad header syntax, CR/LF injection, oversized headers): 400/431
//   instead of Node's bare 400;
// - a request that is not complete within the request timeout: 408, then the connection closes
//   (the handler, still waiting for the body, logs it: see `timedOut`);
// - a client that hangs up mid-request: nothing to answer, the connection is dropped;
// - CONNECT, which Node hands to a 'connect' listener or else drops in silence: 501, the mock is
//   not a proxy.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import type { RequestLogger } from "./log.ts";

/** Sockets whose request timed out and got the 408: the handler logs them as such. */
export const timedOut = new WeakSet<Duplex>();

/** The handler's response under way on each socket: a client error never writes a second one. */
export const responses = new WeakMap<Duplex, ServerResponse>();

export function answerClientError(
  error: Error & { code?: string },
  socket: Duplex,
  limitMs: number,
): void {
  // Hung up: reset, or closed (EOF) in the middle of a request. Nobody is left to read an answer,
  // and once anything was sent (an answer is under way) a second one would corrupt it.
  if (
    error.code === "ECONNRESET" ||
    error.code === "HPE_INVALID_EOF_STATE" ||
    !socket.writable ||
    responses.get(socket)?.headersSent
  ) {
    socket.destroy();
    return;
  }
  if (error.code === "ERR_HTTP_REQUEST_TIMEOUT") {
    timedOut.add(socket);
    const seconds = Number((limitMs / 1000).toFixed(3));
    rawAnswer(
      socket,
      "408 Request Timeout",
      `Request Timeout: the request took longer than ${seconds} s.`,
    );
    return;
  }
  if (error.code === "HPE_HEADER_OVERFLOW") {
    rawAnswer(socket, "431 Request Header Fields Too Large", "Request Header Fields Too Large.");
    return;
  }
  rawAnswer(socket, "400 Bad Request", "Bad Request: malformed HTTP request.");
}

/** CONNECT asks for a tunnel, which the mock does not offer on any path (RFC 9110 §15.6.2). */
export function answerConnect(
  req: IncomingMessage,
  socket: Duplex,
  methods: string[],
  log: RequestLogger,
): void {
  const started = performance.now();
  rawAnswer(socket, "501 Not Implemented", "Not Implemented: CONNECT (the mock is not a proxy).", {
    allow: [...new Set([...methods, "OPTIONS"])].join(", "),
  });
  log({
    method: "CONNECT",
    path: (req.url ?? "").slice(0, 200),
    status: 501,
    ms: performance.now() - started,
    note: "CONNECT: the mock is not a proxy",
  });
}

/** A whole text/plain answer written on the socket, which then closes. */
function rawAnswer(
  socket: Duplex,
  status: string,
  text: string,
  headers: Record<string, string> = {},
): void {
  const body = `${text}\n`;
  const extra = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
  // The server keeps a socket half-open after our end() until the client closes its side: a slow
  // client would keep it. Destroy it once the answer is flushed.
  socket.end(
    `HTTP/1.1 ${status}\r\ncontent-type: text/plain; charset=utf-8\r\n${extra.join("")}` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    () => socket.destroy(),
  );
}
