// Runs that would be unsafe are refused before anything is sent: TLS verification switched off, a
// base URL carrying credentials (fetch would echo them in its errors), or plain http to anything
// but this machine (passwords and tokens would cross the network in clear).
export type BaseUrlCheck = { ok: true; url: URL } | { ok: false; refusal: string };

const LOOPBACK = ["127.0.0.1", "localhost", "[::1]"];

/** A host on this machine: plain http is allowed, and fuzzing needs no rate limit. */
export const isLoopback = (url: URL): boolean => LOOPBACK.includes(url.hostname);

export function checkRun(rawUrl: string | undefined, env: NodeJS.ProcessEnv): BaseUrlCheck {
  if (env.NODE_TLS_REJECT_UNAUTHORIZED === "0") {
    return {
      ok: false,
      refusal:
        "NODE_TLS_REJECT_UNAUTHORIZED=0 would disable TLS verification; unset it (a private CA goes in NODE_EXTRA_CA_CERTS).",
    };
  }
  if (!rawUrl) return { ok: false, refusal: "--base-url is required" };
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, refusal: "--base-url is not a URL" };
  }
  if (url.username || url.password) {
    return {
      ok: false,
      refusal:
        "--base-url must not carry user:password@ (credentials go in KLEARSTACK_* variables, never in the URL).",
    };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { ok: false, refusal: `unsupported protocol ${url.protocol}` };
  }
  if (url.protocol === "http:" && !isLoopback(url)) {
    return {
      ok: false,
      refusal:
        "plain http is only allowed for loopback hosts: passwords and tokens would cross the network in clear.",
    };
  }
  return { ok: true, url };
}

/** A base URL fit to print: no user:password@, no query string. */
export function printableUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/$/, "")}`;
}
