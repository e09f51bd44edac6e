// A printed curl command replays its case: run by bash against a recording server, it delivers
// what the fuzzer itself sent for that case (method, media type, fields, Authorization), for
// sampled cases of every kind of every operation, secrets read from the environment. Real curl,
// real bash; the command itself never holds a secret.
import { execFile } from "node:child_process";
import type { IncomingMessage } from "node:http";
import { loadApiModel, signExampleJwt } from "@klearstack/spec";
import { UNSEEN_OPERATION_ID, unseenOperationDocument } from "@klearstack/spec/fixtures";
import { type LocalServer, startLocalServer } from "@klearstack/test-support/server";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planCaseKinds } from "../../src/fuzz/cases.ts";
import { curlFor, curlNames, shellWord } from "../../src/fuzz/curl.ts";
import { wireRequest } from "../../src/fuzz/wire.ts";
import { runInputs } from "../../src/inputs.ts";
import { requestUrl, send } from "../../src/send.ts";

const model = await loadApiModel({ document: unseenOperationDocument() as never });
const inputs = runInputs(model);
const bearerScheme = model.operations.find((op) => op.bearer)?.bearer?.name;
const names = curlNames(inputs, bearerScheme);
const now = Math.floor(Date.now() / 1000);
const token = (type: string) =>
  signExampleJwt({ token_type: type, iat: now, exp: now + 900, jti: "0".repeat(32), user_id: 26 });
// Secret values with characters a shell would expand if the command quoted them wrongly.
const tokens: Record<string, string> = { access: token("access"), refresh: token("refresh") };
const secrets: Record<string, string> = { password: "pa$$ w'rd! `id` $(id)" };

interface Arrival {
  method: string;
  mediaType: string;
  /** A form's entries in order (repeated keys and files as they came), JSON parsed, else text. */
  fields: [string, string | { file: string; type: string; bytes: string }][] | unknown;
  authorization: string | undefined;
}

async function arrival(req: IncomingMessage): Promise<Arrival> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const contentType = req.headers["content-type"] ?? "";
  const mediaType = contentType.split(";")[0]?.trim() ?? "";
  const text = body.toString("utf8");
  let fields: Arrival["fields"] = text;
  if (mediaType === "application/x-www-form-urlencoded" || mediaType === "multipart/form-data") {
    const form = await new Request("http://x/", {
      method: "POST",
      headers: { "content-type": contentType },
      body,
    }).formData();
    fields = await Promise.all(
      [...form.entries()].map(async ([k, v]) =>
        typeof v === "string"
          ? [k, v]
          : [
              k,
              { file: v.name, type: v.type, bytes: Buffer.from(await v.bytes()).toString("hex") },
            ],
      ),
    );
  } else if (mediaType === "application/json") {
    fields = JSON.parse(text) as unknown;
  }
  return {
    method: req.method ?? "",
    mediaType,
    fields,
    authorization: req.headers.authorization?.trim(),
  };
}

let server: LocalServer;
let baseUrl: URL;
/** Every request the server received, in order. */
const arrivals: Arrival[] = [];
beforeAll(async () => {
  server = await startLocalServer(async (req, res) => {
    arrivals.push(await arrival(req));
    res.end("recorded");
  });
  baseUrl = new URL(server.url);
});
afterAll(() => server.close());

/** Runs `script` in one bash; a failing command names itself on stderr and the script goes on. */
function bash(script: string, env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      "bash",
      ["-c", script],
      { env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 },
      (error, _out, stderr) =>
        error
          ? reject(new Error(`bash failed (is curl installed? apt-get install curl): ${stderr}`))
          : resolve(stderr),
    );
  });
}

/** What the run's variables hold for this test: the password and a current token pair. */
const environment: Record<string, string> = {};
for (const input of inputs.fields) {
  if (!input.secret) continue;
  environment[input.secret.env] = input.tokenType
    ? (tokens[input.tokenType] ?? "")
    : (secrets[input.name] ?? "a secret");
}
for (const input of inputs.bearers)
  environment[input.secret.env] = tokens[input.tokenType ?? ""] ?? "";

describe("curlFor: the printed command replays the case", () => {
  const scheme = model.operations.find((op) => op.bearer)?.bearer;
  const bearerType = (scheme && model.chain.bearerTokenType(scheme)) ?? "access";
  const cases = model.operations.flatMap((op) =>
    planCaseKinds(op, {
      given: { fields: {}, bearers: {} },
      otherTokenType: "refresh",
      pathMethods: [op.method.toUpperCase()],
    }).flatMap((kind) =>
      fc
        .sample(kind.arbitrary, {
          numRuns: kind.single ? 1 : kind.id === "invalid bearer token" ? 12 : 3,
          seed: 21,
        })
        .map((c, i) => ({ op, kind, c, i })),
    ),
  );

  it("covers every kind of every operation, the unseen fixture's included", () => {
    expect(new Set(cases.map(({ op }) => op.operationId))).toContain(UNSEEN_OPERATION_ID);
    expect(new Set(cases.map(({ c }) => c.auth.kind))).toEqual(
      new Set(["valid", "none", "tampered", "unsigned", "other-token", "empty"]),
    );
    expect(new Set(cases.map(({ c }) => c.mediaType))).toEqual(
      new Set([
        ...model.operations.flatMap((op) => op.request?.mediaTypes ?? []),
        "application/json",
        undefined,
      ]),
    );
    expect(cases.length).toBeGreaterThan(60);
    // Files (multipart only) and repeated keys, which the replay must carry as they were sent.
    const multipart = cases.filter(({ c }) => c.mediaType === "multipart/form-data");
    expect(multipart.some(({ c }) => c.fields.some(([, v]) => v.kind === "file"))).toBe(true);
    const repeated = ({ c }: (typeof cases)[number]) =>
      new Set(c.fields.map(([name]) => name)).size < c.fields.length;
    expect(multipart.some(repeated)).toBe(true);
    expect(cases.filter(({ c }) => c.mediaType !== "multipart/form-data").some(repeated)).toBe(
      true,
    );
  });

  // Each case is sent once by the fuzzer's own code, then every printed command runs in one bash
  // (one process, not one per case), in the same order; each test compares its pair of arrivals.
  const sent: (Arrival | undefined)[] = [];
  const replayed: (Arrival | undefined)[] = [];
  const commands: string[] = [];
  let failures = "";
  beforeAll(async () => {
    for (const { op, c } of cases) {
      const valid = {
        fields: Object.fromEntries(
          op.fields.map((f) => [
            f.name,
            f.tokenType ? (tokens[f.tokenType] ?? "") : (secrets[f.name] ?? "a secret"),
          ]),
        ),
        bearer: op.bearer ? tokens[bearerType] : undefined,
      };
      const request = wireRequest(op, c, valid, (type) => tokens[type]);
      const before = arrivals.length;
      await send(baseUrl, request, { timeoutMs: 30_000 });
      sent.push(arrivals[before]);
      commands.push(curlFor(c, requestUrl(baseUrl, op.path), names));
    }
    const first = arrivals.length;
    failures = await bash(
      commands.map((command, i) => `${command} > /dev/null || echo "case ${i}" >&2`).join("\n"),
      environment,
    );
    replayed.push(...arrivals.slice(first));
  });

  it.each(cases.map((x, n) => [`${x.op.operationId}: ${x.kind.id} #${x.i + 1}`, n] as const))(
    "%s",
    (_, n) => {
      const command = commands[n] ?? "";
      for (const secret of [...Object.values(tokens), ...Object.values(secrets)])
        expect(command.includes(secret), "a secret in the command").toBe(false);
      expect(failures, "curl failed").not.toMatch(new RegExp(`^case ${n}$`, "m"));
      expect(sent[n]).toBeDefined();
      expect(replayed[n]).toEqual(sent[n]);
    },
  );
});

describe("shellWord", () => {
  it("double-quotes plain text around a variable, and splices anything else", () => {
    expect(shellWord([{ text: "password=" }, { variable: "PW" }])).toBe(`"password=\${PW}"`);
    expect(shellWord([{ text: "a'b" }])).toBe(`'a'\\''b'`);
    expect(shellWord([{ text: 'say "$HOME"=' }, { variable: "PW" }])).toBe(
      `'say "$HOME"='"\${PW}"`,
    );
    expect(shellWord([{ text: "tab\there" }])).toBe("$'tab\\x09here'");
  });
});
