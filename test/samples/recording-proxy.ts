// A pass-through recorder in front of the real mock: every sample talks to it as if it were the
// mock, and the test reads what actually crossed the wire (status, headers, bodies). It forwards
// bytes unchanged and answers nothing itself.
import { request } from "node:http";
import { startLocalServer } from "@klearstack/test-support/server";

export interface Exchange {
  method: string;
  path: string;
  requestHeaders: Record<string, string | string[] | undefined>;
  requestBody: Buffer;
  status: number;
  responseHeaders: Record<string, string | string[] | undefined>;
  responseBody: Buffer;
}

export interface RecordingProxy {
  url: string;
  exchanges: Exchange[];
  close(): Promise<void>;
}

export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const upstream = new URL(target);
  const exchanges: Exchange[] = [];
  const server = await startLocalServer((req, res) => {
    const requestChunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => requestChunks.push(chunk));
    req.on("end", () => {
      const requestBody = Buffer.concat(requestChunks);
      const forward = request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (answer) => {
          const responseChunks: Buffer[] = [];
          answer.on("data", (chunk: Buffer) => responseChunks.push(chunk));
          answer.on("end", () => {
            const responseBody = Buffer.concat(responseChunks);
            exchanges.push({
              method: req.method ?? "",
              path: req.url ?? "",
              requestHeaders: req.headers,
              requestBody,
              status: answer.statusCode ?? 0,
              responseHeaders: answer.headers,
              responseBody,
            });
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            res.end(responseBody);
          });
        },
      );
      forward.on("error", (error) => {
        res.writeHead(502).end(`recording proxy: ${error.message}`);
      });
      forward.end(requestBody);
    });
  });
  return { url: server.url, exchanges, close: server.close };
}

/** The form an exchange's request carried, parsed as the platform parses a form body. */
export function sentForm(exchange: Exchange): Promise<FormData> {
  return new Request("http://mock.invalid/", {
    method: "POST",
    headers: { "content-type": String(exchange.requestHeaders["content-type"]) },
    body: new Uint8Array(exchange.requestBody),
  }).formData();
}
