// A local stand-in for a real KlearStack deployment: a plain node:http server that behaves as the
// spec documents (its 200 example, its 500 text per missing parameter), plus named drifts that a
// real deployment might show. Conformance and Postman tests must pass on the faithful one and
// fail on every drift. Nothing here restates the spec: answers are read from tokenOperation().
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tokenOperation } from "@klearstack/spec";

const { path, method, operation, example200, requiredFields, missingParameterText } =
  tokenOperation();
const success = example200 as Record<string, unknown>;
const missingTexts = requiredFields.map((parameter) => ({
  parameter,
  text: missingParameterText(parameter),
}));
// The documented statuses and media types: the success (2xx) and the error response.
const responses = Object.entries(operation.responses);
const documented = (isSuccess: boolean) => {
  const [status, response] = responses.find(([code]) => code.startsWith("2") === isSuccess) ?? [];
  const [type] = Object.keys(response?.content ?? {});
  if (!status || !type) throw new Error("the spec documents no success and error response");
  return { status: Number(status), type };
};
const ok = documented(true);
const error = documented(false);

/** Ways a deployment can drift from the spec; each must be caught. */
export const drifts = {
  "release_version sent as a number": "release_version-number",
  "access_token missing from the 200 body": "no-access-token",
  "200 body sent as text/html": "html-200",
  "missing parameter answered 400": "status-400",
  "missing parameter answered as JSON": "json-500",
  "missing parameter text reworded": "reworded-500",
  "multipart/form-data refused": "no-multipart",
  "opaque (non-JWT) tokens issued": "opaque-tokens",
  "tokens issued despite a missing parameter": "tokens-when-missing",
} as const;

/** Token values the stand-in hands out when drifting to opaque tokens; they must never be printed. */
export const opaqueTokens = {
  access_token: "opaque-access-7f3c9a1e5b2d4c6f",
  refresh_token: "opaque-refresh-0a9b8c7d6e5f4a3b",
};
export type Drift = (typeof drifts)[keyof typeof drifts];

export interface StandIn {
  url: string;
  close(): Promise<void>;
  /** Every request the stand-in saw, for tests that check what was sent. */
  seen: { contentType: string; fields: Record<string, string> }[];
}

async function readForm(req: IncomingMessage): Promise<Record<string, string> | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const contentType = req.headers["content-type"] ?? "";
  try {
    // The WHATWG Request parses both form encodings, as a real server framework would.
    const form = await new Request("http://stand-in/", {
      method: "POST",
      headers: { "content-type": contentType },
      body: Buffer.concat(chunks),
    }).formData();
    return Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, status: number, type: string, body: string) {
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body) });
  res.end(body);
}

export async function startStandIn(drift?: Drift): Promise<StandIn> {
  const seen: StandIn["seen"] = [];
  const server = createServer(async (req, res) => {
    if (req.method !== method.toUpperCase() || req.url !== path)
      return send(res, 404, "text/plain", "Not Found");
    const contentType = req.headers["content-type"] ?? "";
    const fields = await readForm(req);
    seen.push({ contentType, fields: fields ?? {} });
    if (drift === "no-multipart" && contentType.startsWith("multipart/"))
      return send(res, 415, "text/plain", "Unsupported Media Type");
    const missing = missingTexts.find(({ parameter }) => !fields?.[parameter]);
    if (missing && drift !== "tokens-when-missing") {
      if (drift === "status-400") return send(res, 400, error.type, missing.text);
      if (drift === "json-500")
        return send(res, error.status, "application/json", JSON.stringify({ error: missing.text }));
      if (drift === "reworded-500") return send(res, error.status, error.type, "Bad request");
      return send(res, error.status, `${error.type}; charset=utf-8`, missing.text);
    }
    const body: Record<string, unknown> = { ...success };
    if (drift === "release_version-number") body.release_version = 7;
    if (drift === "no-access-token") delete body.access_token;
    if (drift === "opaque-tokens") Object.assign(body, opaqueTokens);
    const type = drift === "html-200" ? "text/html" : ok.type;
    send(res, ok.status, type, JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
