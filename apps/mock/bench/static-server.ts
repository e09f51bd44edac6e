// Baseline (c) of the bench: a bare node:http server answering the documented 200 body, so the
// bench can say how much of the machine's plain HTTP speed the mock keeps.
import { createServer } from "node:http";
import { loadSpec } from "@klearstack/spec";

const [, item] = Object.entries(loadSpec().paths)[0] ?? [];
const body = JSON.stringify(item?.post?.responses["200"]?.content["application/json"]?.example);
const port = Number(process.argv[2] ?? 0);

createServer((req, res) => {
  req.resume();
  req.on("end", () =>
    res
      .writeHead(200, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
      })
      .end(body),
  );
}).listen(port, "127.0.0.1");
