// A real node:http server on an ephemeral loopback port (port 0: the system picks a free one),
// for behaviour that needs real sockets: stalls, dropped connections, a platform form parser, a
// page for a browser, a stand-in server. Closes every connection on close().
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createTlsServer, type ServerOptions } from "node:https";
import type { AddressInfo } from "node:net";

export interface LocalServer {
  url: string;
  /** Requests received so far. */
  hits: () => number;
  close(): Promise<void>;
}

/** Answers a request; a rejected promise ends the connection. Its value is ignored. */
export type Handler = (req: IncomingMessage, res: ServerResponse, hit: number) => unknown;

/** `tls`: serve HTTPS with this key and certificate. */
export async function startLocalServer(
  handler: Handler,
  { tls }: { tls?: Pick<ServerOptions, "key" | "cert"> } = {},
): Promise<LocalServer> {
  let hits = 0;
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    hits++;
    Promise.resolve(handler(req, res, hits)).catch((error: unknown) => {
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  };
  const server: Server = tls ? createTlsServer(tls, listener) : createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? "https" : "http"}://127.0.0.1:${port}`,
    hits: () => hits,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** The incoming request as a platform Request, so tests parse bodies with `formData()`. */
export async function toRequest(req: IncomingMessage, base: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const method = req.method ?? "GET";
  const body = method === "GET" || method === "HEAD" ? null : Buffer.concat(chunks);
  return new Request(new URL(req.url ?? "/", base), { method, headers, body });
}

/**
 * A hostile answer's body: writes `total` bytes in 64 KiB chunks, honouring backpressure, until
 * done or the reader hangs up; resolves to the bytes it managed to write. That count, not a clock,
 * shows a reader stopped early.
 */
export async function streamBytes(res: ServerResponse, total: number): Promise<number> {
  const chunk = Buffer.alloc(64 * 1024, "a");
  const closed = once(res, "close").then(() => false);
  let written = 0;
  while (written < total && !res.destroyed) {
    written += chunk.length;
    if (!res.write(chunk) && !(await Promise.race([once(res, "drain").then(() => true), closed])))
      break;
  }
  res.end();
  return written;
}

/** A loopback port nothing listens on (bound, then released), for connection-refused paths. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
