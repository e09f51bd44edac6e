// Baseline (c) of the bench: a bare node:http server answering each operation's documented success
// body, so the bench can say how much of the machine's plain HTTP speed the mock keeps.
import { createServer } from "node:http";
import { loadApiModel } from "@klearstack/spec";

const model = await loadApiModel();
const answers = new Map(
  model.operations.map((op) => {
    const example = op.success?.body?.examples[0]?.value;
    return [
      `${op.method.toUpperCase()} ${op.path}`,
      {
        status: Number(op.success?.status ?? 204),
        headers: op.success?.body ? { "content-type": op.success.body.mediaType } : {},
        body: example === undefined ? "" : JSON.stringify(example),
      },
    ];
  }),
);
const port = Number(process.argv[2] ?? 0);

createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    const answer = answers.get(`${req.method} ${req.url}`);
    if (!answer) return res.writeHead(404).end();
    res
      .writeHead(answer.status, {
        ...answer.headers,
        "content-length": Buffer.byteLength(answer.body),
      })
      .end(answer.body);
  });
}).listen(port, "127.0.0.1");
