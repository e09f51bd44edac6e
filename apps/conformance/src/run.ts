// Sends one check's request to the deployment and judges the answer. Node's fetch verifies TLS
// certificates; nothing here (or anywhere in this workspace) turns that off.
import type { Check } from "./checks.ts";
import type { Masker } from "./mask.ts";

export interface Outcome {
  check: Check;
  pass: boolean;
  /** What came back, one line: status and media type (or the network error). */
  got: string;
  /** Why it failed, one line each; already masked. */
  problems: string[];
}

export interface RunOptions {
  baseUrl: URL;
  timeoutMs: number;
  validate: (pointer: string, body: unknown) => string[];
  masker: Masker;
}

function encode(check: Check): { body: BodyInit; headers: Record<string, string> } {
  if (check.mediaType === "application/x-www-form-urlencoded")
    return {
      body: new URLSearchParams(check.fields),
      headers: { "content-type": check.mediaType },
    };
  if (check.mediaType === "multipart/form-data") {
    const form = new FormData();
    for (const [key, value] of Object.entries(check.fields)) form.append(key, value);
    // fetch writes the Content-Type itself, with the boundary.
    return { body: form, headers: {} };
  }
  throw new Error(`conformance cannot encode ${check.mediaType}`);
}

const mediaTypeOf = (header: string | null) =>
  (header ?? "").replace(/;.*$/s, "").trim().toLowerCase();

export async function runCheck(check: Check, options: RunOptions): Promise<Outcome> {
  const { body, headers } = encode(check);
  const url = new URL(options.baseUrl.pathname.replace(/\/$/, "") + check.path, options.baseUrl);
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: check.method,
      body,
      headers: { ...headers, accept: check.expect.mediaType },
      redirect: "manual",
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    const reason = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
    const got = `no response: ${options.masker.mask(reason)}`;
    return { check, pass: false, got, problems: [got] };
  }

  const type = mediaTypeOf(response.headers.get("content-type"));
  const got = `${response.status} ${type || "(no Content-Type)"}`;
  const problems: string[] = [];
  const expected = check.expect;
  if (response.status !== expected.status)
    problems.push(`status ${response.status}, expected ${expected.status}`);
  if (type !== expected.mediaType)
    problems.push(`Content-Type ${type || "missing"}, expected ${expected.mediaType}`);

  if (expected.kind === "success") {
    let json: unknown;
    try {
      json = JSON.parse(text);
      options.masker.learn(json);
    } catch {
      problems.push("body is not JSON");
    }
    if (json !== undefined) problems.push(...options.validate(expected.schemaPointer, json));
  } else if (text.trim() !== expected.text) {
    // Judge first, then learn: an error body that carries tokens is masked when printed.
    try {
      options.masker.learn(JSON.parse(text));
    } catch {}
    // Mask before clipping: a token cut in half would no longer be recognised.
    const shown = clip(options.masker.mask(text));
    problems.push(`body ${JSON.stringify(shown)}, expected ${JSON.stringify(expected.text)}`);
  }
  return {
    check,
    pass: problems.length === 0,
    got,
    problems: problems.map((p) => options.masker.mask(p)),
  };
}

const clip = (text: string) => (text.length > 160 ? `${text.slice(0, 160)}…` : text);
