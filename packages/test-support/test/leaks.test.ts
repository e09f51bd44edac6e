// Leak detection finds a token by its claims or signature (not its shared header), and any other
// secret whole; it reports names and counts, never the secret.
import { describe, expect, it } from "vitest";
import { carriesSecret, leakedSecrets, redactSecrets, secretsIn } from "../src/leaks.ts";

const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIyNiJ9.c2lnbmF0dXJlLXBhcnQ";
const [header, claims, signature] = jwt.split(".") as [string, string, string];

describe("leak detection", () => {
  it("finds a JWT by its claims or its signature alone, not by the header every token shares", () => {
    expect(carriesSecret(`x ${claims} y`, [jwt])).toBe(true);
    expect(carriesSecret(`x ${signature} y`, [jwt])).toBe(true);
    expect(carriesSecret(`x ${header} y`, [jwt])).toBe(false);
  });

  it("finds any other secret whole", () => {
    expect(carriesSecret("password=hunter22", ["hunter22"])).toBe(true);
    expect(carriesSecret("hunter2", ["hunter22"])).toBe(false);
  });

  it("counts and names without the text, and redacts what it found", () => {
    const known = [
      { name: "the token", text: jwt },
      { name: "the password", text: "hunter22" },
    ];
    const output = `sent ${jwt} with hunter22`;
    expect(secretsIn(output, [jwt, "hunter22", "other"])).toBe(2);
    expect(leakedSecrets(output, known)).toEqual([
      "the token",
      "the password",
      "a JWT-shaped string",
    ]);
    const redacted = redactSecrets(output, known);
    expect(carriesSecret(redacted, [jwt, "hunter22"])).toBe(false);
    expect(redacted).toContain("<the password>");
  });
});
