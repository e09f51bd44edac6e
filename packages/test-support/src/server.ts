// A real node:http server on an ephemeral loopback port, for behaviour that needs real sockets:
// stalls, dropped connections, a platform form parser. Closes every connection on close(). The
// client's tests and the cross tests' proxies and pages (test/) start their servers with it.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface LocalServer {
  url: string;
  /** Requests received so far. */
  hits: () => number;
  close(): Promise<void>;
}

/** Answers a request; a rejected promise ends the connection. Its value is ignored. */
export type Handler = (req: IncomingMessage, res: ServerResponse, hit: number) => unknown;

export async function startLocalServer(handler: Handler): Promise<LocalServer> {
  let hits = 0;
  const server = createServer((req, res) => {
    hits++;
    Promise.resolve(handler(req, res, hits)).catch((error: unknown) => {
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
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
