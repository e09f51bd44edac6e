// The one JWT reader: splits a compact JWS into its decoded JOSE header and claims. It does NOT
// verify anything (see sign.ts for the example key). Dependency-free and browser-safe, so the
// client, the docs console and every Node workspace read tokens the same way.
export interface DecodedJwt {
  header: unknown;
  claims: unknown;
}

function base64UrlJson(part: string, what: string): unknown {
  if (!/^[A-Za-z0-9_-]*$/.test(part)) throw new Error(`the JWT's ${what} is not base64url`);
  const base64 = part.replaceAll("-", "+").replaceAll("_", "/");
  const binary = atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), "="));
  const text = new TextDecoder("utf-8", { fatal: true }).decode(
    Uint8Array.from(binary, (c) => c.charCodeAt(0)),
  );
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`the JWT's ${what} is not JSON`);
  }
}

/** Decodes (does not verify) a compact JWS. Errors name the faulty part, never quote the token. */
export function decodeJwtParts(token: string): DecodedJwt {
  const parts = token.split(".");
  if (parts.length !== 3) throw new Error("not a compact JWS: expected three dot-separated parts");
  return {
    header: base64UrlJson(parts[0] ?? "", "header"),
    claims: base64UrlJson(parts[1] ?? "", "claims"),
  };
}

/** Seconds from `now` until the token's `exp` (negative once expired); undefined without `exp`. */
export function secondsLeft(token: string, now: number = Date.now()): number | undefined {
  const exp = (decodeJwtParts(token).claims as { exp?: unknown } | null)?.exp;
  return typeof exp === "number" ? exp - Math.floor(now / 1000) : undefined;
}
