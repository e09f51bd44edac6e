// The one JWT reader: splits a compact JWS into its decoded JOSE header and claims. It does NOT
// verify anything (see sign.ts for the example key). Dependency-free and browser-safe, so the
// client, the docs console and every Node workspace read tokens the same way.
export interface DecodedJwt {
  header: unknown;
  claims: unknown;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

function base64UrlJson(part: string, what: string): unknown {
  if (!/^[A-Za-z0-9_-]*$/.test(part)) throw new Error(`the JWT's ${what} is not base64url`);
  // atob takes base64 without its "=" padding; it only rejects a length no encoder produces.
  let binary: string;
  try {
    binary = atob(part.replaceAll("-", "+").replaceAll("_", "/"));
  } catch {
    throw new Error(`the JWT's ${what} is not base64url`);
  }
  // Each char of `binary` is one byte. ASCII bytes are already the text: only a part with other
  // bytes (non-ASCII claims, rare) goes through the UTF-8 decoder and its per-byte copy.
  let text = binary;
  if (/[\x80-\xff]/.test(binary)) {
    try {
      text = utf8.decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    } catch {
      throw new Error(`the JWT's ${what} is not UTF-8`);
    }
  }
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
