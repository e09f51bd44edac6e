// Prints the example token pair used in spec/openapi.yaml.
//
// The vendor's published example tokens do not decode (bytes are missing from their payloads), so
// the spec carries tokens re-signed from the facts they still show: header {"typ":"JWT","alg":"HS256"},
// the same `jti`s and `user_id`, an access token valid for minutes and a refresh token for days.
// The HMAC key is a public, example-only secret: these tokens prove the layout, never identity.
//
// Usage: node spec/scripts/sign-example-tokens.ts   (paste the output into the 200 example)
import { signExampleJwt as sign } from "../jwt.ts";

const issuedAt = 1656575918; // the `iat` the vendor's example still shows

const pair = {
  refresh_token: sign({
    token_type: "refresh",
    exp: issuedAt + 7 * 24 * 60 * 60,
    iat: issuedAt,
    jti: "5fa34c8b528b49c79d3699ebe44ec50f",
    user_id: 26,
  }),
  access_token: sign({
    token_type: "access",
    exp: issuedAt + 2 * 60,
    iat: issuedAt,
    jti: "401febba8884452da7d7e09f10ff09ad",
    user_id: 26,
  }),
  release_version: "7.8.9",
};

if (import.meta.main) console.log(JSON.stringify(pair, null, 2));
