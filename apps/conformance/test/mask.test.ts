// Tokens never reach the output: the masker hides JWT-shaped text and any token value it has seen.
import { tokenOperation } from "@klearstack/spec";
import { describe, expect, it } from "vitest";
import { MASK, Masker, printableUrl } from "../src/mask.ts";

describe("Masker", () => {
  it("hides anything shaped like a JWT, even never seen before", () => {
    const text = "got eyJhbGciOi.eyJzdWIiOiIx.c2lnbmF0dXJl back";
    expect(new Masker().mask(text)).toBe(`got ${MASK} back`);
  });

  it("hides token values it learned from a response, whatever their shape", () => {
    const masker = new Masker();
    masker.learn({ access_token: "opaque-secret-1", nested: { refresh_token: "s3cr3t" }, n: 1 });
    expect(masker.mask('{"access_token":"opaque-secret-1","r":"s3cr3t"}')).toBe(
      `{"access_token":"${MASK}","r":"${MASK}"}`,
    );
  });

  it("leaves ordinary text, including the documented error texts, alone", () => {
    const { errorTexts } = tokenOperation();
    expect(errorTexts.length).toBeGreaterThan(0);
    for (const text of errorTexts) expect(new Masker().mask(text)).toBe(text);
  });
});

describe("printableUrl", () => {
  it("drops credentials and query strings from the base URL it prints", () => {
    expect(printableUrl(new URL("https://me:pw@api.example.com/base/?key=1"))).toBe(
      "https://api.example.com/base",
    );
  });
});
