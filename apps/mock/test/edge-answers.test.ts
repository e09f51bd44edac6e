// The mock's answers at the edge of HTTP, where Node's server answers (or stays silent) unless told
// otherwise: a request that takes too long gets 408 within the configured limit and its connection
// is closed; a client that hangs up mid-request is logged as such, in one line; CONNECT is answered;
// a request-target is a path, "//" and all. The limit is 1 s here (`requestTimeout`), and every
// test waits on the socket's close or a log line, never on a clock. The mock keeps serving after
// each case.
import { connect, type Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { form, login, loginOperation, rows, sendRaw, useMock } from "./support.ts";

/** Log lines as the mock writes them, and a way to wait for one. */
function logCapture() {
  const lines: string[] = [];
  const waiting = new Set<() => void>();
  return {
    lines,
    write: (line: string) => {
      lines.push(line);
      for (const wake of waiting) wake();
    },
    /** Resolves with the first line from line `from` on (written or to come) that `match` accepts. */
    line(match: (line: string) => boolean, from = 0): Promise<string> {
      return new Promise((resolve) => {
        const check = () => {
          const found = lines.slice(from).find(match);
          if (found === undefined) return;
          waiting.delete(check);
          resolve(found);
        };
        waiting.add(check);
        check();
      });
    },
  };
}

const log = logCapture();
const server = useMock({ requestTimeout: 1000, logLevel: "info", log: log.write });

/** Opens a connection; resolves, once the server closes it, with everything it sent. */
function exchange(start: (socket: Socket) => void): Promise<string> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => start(socket));
    const chunks: Buffer[] = [];
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("close", () => resolve(Buffer.concat(chunks).toString("latin1")));
    socket.on("error", (error: NodeJS.ErrnoException) => {
      // A reset, or a write racing the close, is the server closing: the answer is what counts.
      if (error.code !== "ECONNRESET" && error.code !== "EPIPE") reject(error);
    });
  });
}

const op = loginOperation();
const body = form(op.exampleFields).toString();
const head = (target: string, length: number) =>
  `${op.method.toUpperCase()} ${target} HTTP/1.1\r\nHost: mock\r\n` +
  `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${length}\r\n\r\n`;
const statusLine = (reply: string) => reply.split("\r\n")[0];
/** The mock still answers a valid request: it keeps serving after a bad one. */
const stillServing = () => expect(login(server.url)).resolves.toBeInstanceOf(Map);

describe("a request that takes too long (requestTimeout 1 s)", () => {
  it("whose headers stop half-way gets 408 and a closed connection", async () => {
    const reply = await exchange((socket) => socket.write(`POST ${op.path} HTTP/1.1\r\nHost: m`));
    expect(statusLine(reply)).toBe("HTTP/1.1 408 Request Timeout");
    expect(reply).toMatch(/\r\n\r\nRequest Timeout: the request took longer than 1 s\.\n$/);
    await stillServing();
  });

  it("whose headers trickle in, a byte at a time, is cut off at the limit all the same", async () => {
    // A slowloris: never idle long enough for an idle timeout, never done.
    let trickle: NodeJS.Timeout | undefined;
    const reply = await exchange((socket) => {
      socket.write(`POST ${op.path} HTTP/1.1\r\nX-Slow: `);
      trickle = setInterval(() => socket.writable && socket.write("a"), 50);
    }).finally(() => clearInterval(trickle));
    expect(statusLine(reply)).toBe("HTTP/1.1 408 Request Timeout");
    await stillServing();
  });

  it("whose body never arrives gets 408, logged once as a timeout, without a stack", async () => {
    const from = log.lines.length;
    const reply = await exchange((socket) =>
      socket.write(head(op.path, body.length + 10) + body.slice(0, 5)),
    );
    expect(statusLine(reply)).toBe("HTTP/1.1 408 Request Timeout");
    const line = await log.line((l) => l.includes(` ${op.path} 408 `), from);
    expect(line).toMatch(/\(the request timed out before its body was complete\)\n$/);
    await stillServing();
    expect(log.lines.slice(from).filter((l) => / (408|500|-) /.test(l))).toEqual([line]);
    expect(log.lines.join("")).not.toMatch(/mock failure|\n\s+at /);
  });
});

describe("a client that hangs up mid-body", () => {
  it.each([
    ["closes its side (FIN)", (socket: Socket) => socket.end()],
    ["resets the connection (RST)", (socket: Socket) => socket.resetAndDestroy()],
  ])("and %s is logged as a client abort, one line, nothing sent", async (_how, hangUp) => {
    const from = log.lines.length;
    // Expect: 100-continue makes the server say when the request has reached the mock's handler;
    // only then does the client send half its body and hang up.
    const request = head(op.path, body.length + 10).replace(
      "\r\n\r\n",
      "\r\nExpect: 100-continue\r\n\r\n",
    );
    const reply = await exchange((socket) => {
      socket.write(request);
      socket.once("data", () => socket.write(body, () => hangUp(socket)));
    });
    const line = await log.line((l) => l.includes(` ${op.path} - `), from);
    expect(line).toMatch(
      / - [\d.]+ms \(client hung up before the request was complete; nothing sent\)\n$/,
    );
    await stillServing();
    expect(log.lines.slice(from).filter((l) => / (408|500|-) /.test(l))).toEqual([line]);
    expect(log.lines.join("")).not.toMatch(/mock failure|\n\s+at /);
    expect(reply, "only the interim answer").toBe("HTTP/1.1 100 Continue\r\n\r\n");
  });
});

describe("CONNECT", () => {
  it("is answered 501 with the methods the mock serves, and the connection closed", async () => {
    const reply = await exchange((socket) =>
      socket.write("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n"),
    );
    expect(statusLine(reply)).toBe("HTTP/1.1 501 Not Implemented");
    const methods = new Set(rows().map(([, o]) => o.method.toUpperCase()));
    const allow = /\r\nallow: ([^\r]*)\r\n/i.exec(reply)?.[1]?.split(", ");
    expect(new Set(allow)).toEqual(new Set([...methods, "OPTIONS"]));
    expect(reply).toMatch(/\r\n\r\nNot Implemented: CONNECT \(the mock is not a proxy\)\.\n$/);
    await log.line((l) => / CONNECT example\.com:443 501 /.test(l));
    await stillServing();
  });
});

describe("a request-target is a path", () => {
  it.each(rows())(
    "%s: '//' + its path is not its path, and the 404 names it exactly",
    async (_id, o) => {
      for (const target of [`/${o.path}`, `//other.host${o.path}`]) {
        const reply = await sendRaw(
          server.url,
          `${head(target, body.length).replace(/^\S+/, o.method.toUpperCase())}${body}`,
        );
        expect(statusLine(reply), target).toBe("HTTP/1.1 404 Not Found");
        expect(
          reply.endsWith(`\r\n\r\nNot Found: ${target} is not a path of this API.\n`),
          target,
        ).toBe(true);
        await log.line((l) => l.includes(` ${target} 404 `));
      }
      await stillServing();
    },
  );
});

it("logged nothing but one line per request", () => {
  const logged = log.lines;
  expect(logged.length).toBeGreaterThan(0);
  for (const line of logged) expect(line).toMatch(/^\S+ (info|warn|error) [A-Z]+ \S+ (\d{3}|-) /);
});
