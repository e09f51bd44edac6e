// Prints the example tokens used in spec/openapi.yaml; spec/test/examples.test.ts checks that the
// spec carries exactly these, so they cannot drift from the facts below.
//
// The vendor's published example tokens do not decode (bytes are missing from their payloads), so
// the spec carries tokens re-signed from the facts they still show: header {"typ":"JWT","alg":"HS256"},
// the same `jti`s and `user_id`, and the `iat` of the login. They chain as an integrator would use
// them: a login at `iat`, then a refresh 10 minutes later (the vendor's advice) with the login's
// access token as bearer and its refresh token in the form. Lifetimes are the spec's documented
// defaults (`x-token-lifetime` on AccessToken and RefreshToken). The HMAC key is a public,
// example-only secret: these tokens prove the layout, never an identity.
//
// Usage: node spec/scripts/sign-example-tokens.ts   (paste the values into the spec's anchors)
import { signExampleJwt as sign } from "../sign.ts";

const loginAt = 1656575918; // the `iat` the vendor's example still shows
const refreshAt = loginAt + 10 * 60;
const accessLifetime = 15 * 60;
const refreshLifetime = 24 * 60 * 60;
const user_id = 26;

export const exampleTokens = {
  loginAccessToken: sign({
    token_type: "access",
    exp: loginAt + accessLifetime,
    iat: loginAt,
    jti: "401febba8884452da7d7e09f10ff09ad",
    user_id,
  }),
  loginRefreshToken: sign({
    token_type: "refresh",
    exp: loginAt + refreshLifetime,
    iat: loginAt,
    jti: "5fa34c8b528b49c79d3699ebe44ec50f",
    user_id,
  }),
  refreshedAccessToken: sign({
    token_type: "access",
    exp: refreshAt + accessLifetime,
    iat: refreshAt,
    jti: "9c1e0f4b7a2d4e6f8b3a5c7d9e1f2a4b",
    user_id,
  }),
};

if (import.meta.main) console.log(JSON.stringify(exampleTokens, null, 2));
