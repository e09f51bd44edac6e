// Splits a compact JWS into its decoded header and claims (no signature check).
export interface DecodedJwt {
  header: unknown;
  claims: unknown;
}

export function decodeJwtParts(token: string): DecodedJwt {
  const [header, claims, signature] = token.split(".");
  if (header === undefined || claims === undefined || signature === undefined) {
    throw new Error("not a compact JWS: expected three dot-separated parts");
  }
  const json = (part: string) => JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
  return { header: json(header), claims: json(claims) };
}
