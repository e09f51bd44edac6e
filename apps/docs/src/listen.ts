// Starts an HTTP server on host:port (port 0: one the system picks) and says where it listens.
// close() also ends open connections: a browser's keep-alive or live-reload stream would otherwise
// hold the server open.

import { once } from "node:events";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Listening {
  /** e.g. http://127.0.0.1:8080/ */
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function listen(server: Server, port: number, host = "127.0.0.1"): Promise<Listening> {
  server.listen(port, host);
  await once(server, "listening"); // rejects on "error", e.g. EADDRINUSE
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${actual}/`,
    port: actual,
    async close() {
      const closed = server[Symbol.asyncDispose]();
      server.closeAllConnections();
      await closed;
    },
  };
}
