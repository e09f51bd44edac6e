// The one secret masker: tokens and passwords never reach a log, an error message, a report or a
// test's output. It hides anything shaped like a JWT, any `Bearer` credential, and every secret
// value it was told about or learned from a body, whatever its shape. Dependency-free and
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

export class SecretMasker {
  readonly #secrets = new Set<string>();

  constructor(secrets: Iterable<string | undefined> = []) {
    for (const secret of secrets) this.add(secret);
  }

  /** Remembers one secret value (empty values are ignored: there is nothing to hide). */
  add(secret: string | undefined): this {
    if (typeof secret === "string" && secret !== "") this.#secrets.add(secret);
    return this;
  }

  /** Remembers every string under a credential-like key (`*token*`, `password`, …), at any depth. */
  learn(value: unknown): this {
    if (!value || typeof value !== "object") return this;
    for (const [key, inner] of Object.entries(value)) {
      if (typeof inner === "string" && SECRET_KEY.test(key)) this.add(inner);
      else this.learn(inner);
    }
    return this;
  }

  mask(text: string): string {
    let out = text;
    // Longest first, so a secret containing another is hidden whole.
    for (const secret of [...this.#secrets].sort((a, b) => b.length - a.length)) {
      out = out.split(secret).join(SECRET_MASK);
    }
    return maskSecrets(out);
  }
}
