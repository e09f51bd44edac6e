// The one secret masker: tokens and passwords never reach a log, an error message, a report or a
// test's output. It hides anything shaped like a JWT, any `Bearer` credential, and every secret
// value it was told about or learned from a body, whatever its shape, in every encoding it travels
// in. Masking is idempotent, so masking a masked text again is harmless. Dependency-free and
// browser-safe.
export const SECRET_MASK = "[masked]";

/**
 * A compact JWS standing alone: three base64url parts separated by dots, the first a JSON header
 * (`{"` encodes as `eyJ`). Host names and versions (`api.klearstack.com`, `7.8.9`) stay readable.
 */
const JWT_SHAPED = /(?<![\w.-])eyJ[\w-]*\.[\w-]{2,}\.[\w-]{2,}(?![\w.-])/g;
/** The credential after `Bearer ` in an Authorization value (RFC 6750 b64token, 8+ characters). */
const BEARER = /(\bBearer\s+)[\w~+/.=-]{8,}/g;
/** Keys whose string values are credentials, in any body or header map. */
const SECRET_KEY = /token|password|passwd|secret|authorization|api[-_]?key/i;

/** Masks what is recognisable without context: JWT-shaped strings and bearer credentials. */
export function maskSecrets(text: string): string {
  return text.replace(BEARER, `$1${SECRET_MASK}`).replace(JWT_SHAPED, SECRET_MASK);
}

/**
 * The shortest value `learn` takes for a secret, in characters (code points). A shorter value is
 * an ordinary word or number ("e", "26", "Acme"): hiding its every occurrence would garble a
 * report and protect nothing, for no credential of this API is that short. Its tokens are JWTs of
 * hundreds of characters, 8 is the least a password may have (NIST SP 800-63B §5.1.1), and the
 * bearer pattern above asks for 8 too. Values the caller gives (`add`) are hidden at any length.
 */
export const MIN_LEARNED_SECRET_LENGTH = 8;

/**
 * Every form in which `secret` travels and may be echoed: as it is, form-urlencoded (a space as
 * `+` or `%20`), percent-encoded (encodeURIComponent), JSON-escaped (as JSON.stringify writes it,
 * and with non-ASCII as `\uXXXX`, as Python does), and as multipart carries it (line breaks as
 * CRLF, by the HTML standard), each of those too.
 */
export function encodingsOf(secret: string): string[] {
  const forms = new Set<string>();
  for (const value of [secret, secret.replace(/\r\n|\r|\n/g, "\r\n")]) {
    // Lone surrogates travel as U+FFFD (encodeURIComponent would throw on them).
    const form = new URLSearchParams({ v: value }).toString().slice(2);
    const uri = encodeURIComponent(value.toWellFormed());
    const json = JSON.stringify(value).slice(1, -1);
    const ascii = json.replace(
      /[\u0080-\uffff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
    for (const each of [
      value,
      form,
      form.replaceAll("+", "%20"),
      uri,
      uri.replaceAll("%20", "+"),
      json,
      ascii,
    ]) {
      forms.add(each);
    }
  }
  return [...forms];
}

export class SecretMasker {
  readonly #secrets = new Set<string>();
  /** Every encoding of every secret, longest first (so a secret containing another goes whole). */
  #forms: string[] | undefined;

  constructor(secrets: Iterable<string | undefined> = []) {
    for (const secret of secrets) this.add(secret);
  }

  /** Remembers one secret value, at any length (empty values are ignored: nothing to hide). */
  add(secret: string | undefined): this {
    if (typeof secret === "string" && secret !== "" && !this.#secrets.has(secret)) {
      this.#secrets.add(secret);
      this.#forms = undefined;
    }
    return this;
  }

  /**
   * Learns from what a server sent: a string, or every string under a credential-like key
   * (`*token*`, `password`, …) at any depth; only values of MIN_LEARNED_SECRET_LENGTH or more.
   */
  learn(value: unknown): this {
    if (typeof value === "string") {
      if ([...value].length >= MIN_LEARNED_SECRET_LENGTH) this.add(value);
    } else if (value && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) {
        if (typeof inner !== "string" || SECRET_KEY.test(key)) this.learn(inner);
      }
    }
    return this;
  }

  /**
   * Hides every known secret in every encoding, then what maskSecrets recognises. Text already
   * masked stays as it is: each secret is looked for only between masks, so masking twice
   * changes nothing (and a secret that itself contains the mask is hidden around it).
   */
  mask(text: string): string {
    this.#forms ??= [...this.#secrets].flatMap(encodingsOf).sort((a, b) => b.length - a.length);
    let pieces = text.split(SECRET_MASK);
    for (const form of this.#forms) pieces = pieces.flatMap((piece) => piece.split(form));
    return pieces.map(maskSecrets).join(SECRET_MASK);
  }
}
