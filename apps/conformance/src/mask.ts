// Tokens never reach the terminal: every line the run prints goes through a Masker, which hides
// anything shaped like a JWT and every token value a response actually carried, whatever its shape.
const jwtShape = /[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}/g;
export const MASK = "«token masked»";

export class Masker {
  readonly #secrets = new Set<string>();

  /** Remembers the string values of any `*token*` field of a JSON response body. */
  learn(body: unknown): void {
    if (!body || typeof body !== "object") return;
    for (const [key, value] of Object.entries(body)) {
      if (typeof value === "string" && /token/i.test(key) && value.length > 0)
        this.#secrets.add(value);
      else if (value && typeof value === "object") this.learn(value);
    }
  }

  mask(text: string): string {
    let out = text;
    // Longest first, so a secret containing another is hidden whole.
    for (const secret of [...this.#secrets].sort((a, b) => b.length - a.length))
      out = out.split(secret).join(MASK);
    return out.replace(jwtShape, MASK);
  }
}

/** A base URL fit to print: no user:password@, no query string. */
export function printableUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/$/, "")}`;
}
