// Requests Node's HTTP parser refuses (bad header syntax, CR/LF injection, oversized headers)
// never reach the handler. Answer them in the mock's text/plain style instead of Node's bare 400.
import type { Duplex } from "node:stream";

export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, text] =
    error.code === "HPE_HEADER_OVERFLOW"
      ? ["431 Request Header Fields Too Large", "Request Header Fields Too Large.\n"]
      : ["400 Bad Request", "Bad Request: malformed HTTP request.\n"];
  socket.end(
    `HTTP/1.1 ${status}\r\ncontent-type: text/plain; charset=utf-8\r\n` +
      `content-length: ${Buffer.byteLength(text)}\r\nconnection: close\r\n\r\n${text}`,
  );
}
