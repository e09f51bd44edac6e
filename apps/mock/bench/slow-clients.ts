// How long slow clients hold a connection against the default request timeout (30 s): four shapes
// at once, each printed with the time its connection took to close and the answer it got.
// Run: `node bench/slow-clients.ts` in apps/mock (about 31 s, nearly no CPU). Figures: README.
import { connect, type Socket } from "node:net";
import { loadApiModel } from "@klearstack/spec";
import { startMock } from "../src/index.ts";

const mock = await startMock({ port: 0, logLevel: "silent" });
const path = (await loadApiModel()).operations[0]?.path ?? "/";
const timers: NodeJS.Timeout[] = [];

function hold(name: string, start: (socket: Socket) => void): Promise<void> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = connect(mock.port, mock.host, () => start(socket));
    let reply = "";
    socket.on("data", (chunk) => {
      reply += chunk;
    });
    socket.on("error", () => {});
    socket.on("close", () => {
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      console.log(
        `${name.padEnd(40)} closed after ${seconds} s: ${reply.split("\r\n")[0] || "(nothing)"}`,
      );
      resolve();
    });
  });
}

await Promise.all([
  hold("connected, silent", () => {}),
  hold("idle after half its headers", (s) => s.write(`POST ${path} HTTP/1.1\r\nHost: m`)),
  hold("slowloris (a header byte a second)", (s) => {
    s.write(`POST ${path} HTTP/1.1\r\nX-Slow: `);
    timers.push(setInterval(() => s.writable && s.write("a"), 1000));
  }),
  hold("slow body (5 of 50 bytes)", (s) =>
    s.write(
      `POST ${path} HTTP/1.1\r\nHost: m\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
        "Content-Length: 50\r\n\r\nuser_",
    ),
  ),
]);
for (const timer of timers) clearInterval(timer);
await mock.close();
