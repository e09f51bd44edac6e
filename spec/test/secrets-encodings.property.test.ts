// A secret travels encoded: a server may echo a password form-urlencoded (`+` or `%20` for a
// space), percent-encoded, JSON-escaped, or as multipart carried it (line breaks as CRLF). The
// masker hides every one of those forms, learns only values long enough to be secrets, and masking
// masked text changes nothing. Properties over random secrets and random text around them.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MIN_LEARNED_SECRET_LENGTH, maskSecrets, SECRET_MASK, SecretMasker } from "../index.ts";

/** How each encoding writes a value, as the platform's own encoders do. */
const encodings: Record<string, (value: string) => string> = {
  raw: (v) => v,
  "urlencoded (+)": (v) => new URLSearchParams({ v }).toString().slice(2),
  "urlencoded (%20)": (v) => new URLSearchParams({ v }).toString().slice(2).replaceAll("+", "%20"),
  "percent-encoded": (v) => encodeURIComponent(v),
  "JSON-escaped": (v) => JSON.stringify(v).slice(1, -1),
  "JSON-escaped, ASCII only": (v) =>
    JSON.stringify(v)
      .slice(1, -1)
      .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`),
  multipart: (v) => v.replace(/\r\n|\r|\n/g, "\r\n"),
};

// Full Unicode, with the characters the encodings treat specially made frequent.
const char = fc.oneof(
  fc.constantFrom(" ", "&", "=", "%", "+", '"', "\\", "\n", "\r", "/", "é", "😀", "[", "]"),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
);
const secret = fc
  .array(char, { minLength: MIN_LEARNED_SECRET_LENGTH, maxLength: 24 })
  .map((chars) => chars.join(""))
  .filter((s) => !s.includes(SECRET_MASK));
const text = fc.array(char, { maxLength: 20 }).map((chars) => chars.join(""));

/** Where the secret is still readable: in the text between the masks. */
const survives = (masked: string, value: string) =>
  masked.split(SECRET_MASK).some((piece) => piece.includes(value));

describe("the masker, over the encodings a secret travels in", () => {
  it("hides the issue's example urlencoded both ways", () => {
    const masker = new SecretMasker(["Pw-x s&x=%"]);
    expect(masker.mask("got password=Pw-x+s%26x%3D%25&a=1")).toBe(
      `got password=${SECRET_MASK}&a=1`,
    );
    expect(masker.mask("got Pw-x%20s%26x%3D%25.")).toBe(`got ${SECRET_MASK}.`);
  });

  for (const [name, encode] of Object.entries(encodings)) {
    it(`never lets a secret through ${name}, given or learned`, () => {
      fc.assert(
        fc.property(secret, text, text, (value, before, after) => {
          const shown = before + encode(value) + after;
          for (const masker of [
            new SecretMasker([value]),
            new SecretMasker().learn({ refresh_token: value }),
          ]) {
            const masked = masker.mask(shown);
            if (survives(masked, encode(value)) || survives(masked, value)) return false;
          }
          return true;
        }),
      );
    });
  }

  it("is idempotent: masking masked text changes nothing", () => {
    const known = fc.array(fc.oneof(secret, fc.string({ minLength: 1, maxLength: 4 })), {
      maxLength: 4,
    });
    fc.assert(
      fc.property(known, fc.array(fc.oneof(text, secret), { maxLength: 5 }), (secrets, parts) => {
        const masker = new SecretMasker(secrets);
        // The text mixes the secrets, in every encoding, with random text and the mask itself.
        const encode = Object.values(encodings);
        const shown = parts
          .map((part, i) => {
            const echoed = secrets.map((s, j) => encode[(i + j) % encode.length]?.(s) ?? "");
            return `${part}${i % 2 ? SECRET_MASK : ""}${echoed.join("")}`;
          })
          .join("");
        const once = masker.mask(shown);
        expect(masker.mask(once)).toBe(once);
        expect(maskSecrets(once)).toBe(once);
      }),
    );
  });

  it("does not learn values too short to be secrets, and learns the others", () => {
    // Up to 7 code points (a grapheme may hold several).
    const short = fc
      .array(char, { minLength: 1, maxLength: MIN_LEARNED_SECRET_LENGTH - 1 })
      .map((chars) => chars.join(""))
      .filter((s) => [...s].length < MIN_LEARNED_SECRET_LENGTH);
    fc.assert(
      fc.property(short, text, (value, around) => {
        const shown = `${around}${value}${around}`;
        const masker = new SecretMasker().learn({ access_token: value }).learn(value);
        expect(masker.mask(shown)).toBe(maskSecrets(shown));
      }),
    );
    // A server answering "access_token":"e" must not turn every "e" into the mask.
    expect(new SecretMasker().learn({ access_token: "e" }).mask("release")).toBe("release");
    expect(new SecretMasker().learn({ access_token: "12345678" }).mask("x12345678")).toBe(
      `x${SECRET_MASK}`,
    );
  });
});
