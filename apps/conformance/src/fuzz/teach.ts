// What the masker must know from a fuzz run: the secrets it sends and receives. A fuzz run sees
// thousands of tokens; one the masker's patterns already hide whole (a JWT) is not remembered, or
// every later mask would walk them all.
import { maskSecrets, type OperationModel, SECRET_MASK, type SecretMasker } from "@klearstack/spec";

/**
 * Teaches the masker a secret sent or received, unless its patterns already hide the whole value
 * (a JWT): a fuzz run sees thousands of tokens, and every one remembered would slow every later
 * mask. Learned, so a value too short to be a secret is not (the user's own were added up front).
 */
export function teach(masker: SecretMasker, secret: string | undefined) {
  if (secret !== undefined && maskSecrets(secret) !== SECRET_MASK) masker.learn(secret);
}

/** Teaches the masker every credential an answer carries, before anything could quote it. */
export function learnSecrets(op: OperationModel, text: string, masker: SecretMasker) {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return; // not JSON: what the masker knows, and anything JWT-shaped, is still hidden
  }
  // Credential-like keys are the masker's to recognise; what its patterns hide anyway is left out.
  masker.learn(
    JSON.parse(text, (_key, value) =>
      typeof value === "string" && maskSecrets(value) === SECRET_MASK ? undefined : value,
    ),
  );
  const names = op.responses.flatMap((r) => r.contents.flatMap((c) => c.tokens.map((t) => t.name)));
  for (const name of names) {
    const value = (body as Record<string, unknown> | null)?.[name];
    if (typeof value === "string") teach(masker, value);
  }
}
