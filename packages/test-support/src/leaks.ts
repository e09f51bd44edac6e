// Leak detection: whether output (a log, a report, an error, a page) carries a secret, without
// ever printing the secret. A JWT is found by its claims or its signature (its header is the same
// public JOSE header on every token, so it identifies nothing); any other secret by its whole text.

/** A secret that must not appear, known by a name that is safe to print. */
export interface KnownSecret {
  name: string;
  text: string;
}

/** Anything shaped like a compact JWS (three base64url parts). */
export const JWT_SHAPE = /[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}/g;

/**
 * A secret's distinctive parts: the whole value, and for a JWT its claims and signature (each at
 * least 16 characters, as every real one is, so a short dotted word is not taken for a token).
 */
export function secretParts(text: string): string[] {
  const parts = text.split(".");
  const jwtParts = parts.length === 3 ? parts.slice(1).filter((part) => part.length >= 16) : [];
  return [text, ...jwtParts].filter((part) => part.length > 0);
}

/** Whether `text` carries any of `secrets` (or a distinctive part of one). */
export function carriesSecret(text: string, secrets: readonly string[]): boolean {
  return secrets.some((secret) => secretParts(secret).some((part) => text.includes(part)));
}

/** How many of `secrets` `text` carries: a count is safe to print, the secrets are not. */
export const secretsIn = (text: string, secrets: readonly string[]): number =>
  secrets.filter((secret) => carriesSecret(text, [secret])).length;

/** Names (never texts) of the known secrets, and of anything JWT-shaped, that `text` holds. */
export function leakedSecrets(text: string, known: readonly KnownSecret[]): string[] {
  const names = [...new Set(known.filter((s) => carriesSecret(text, [s.text])).map((s) => s.name))];
  if (new RegExp(JWT_SHAPE.source).test(text)) names.push("a JWT-shaped string");
  return names;
}

/** `text` with every known secret's parts, and anything JWT-shaped, replaced by a placeholder. */
export function redactSecrets(text: string, known: readonly KnownSecret[]): string {
  let redacted = text;
  for (const { name, text: secret } of known)
    for (const part of secretParts(secret)) redacted = redacted.replaceAll(part, `<${name}>`);
  return redacted.replace(JWT_SHAPE, "<jwt>");
}
