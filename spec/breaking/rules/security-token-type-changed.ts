// A scheme that takes another kind of token (x-token-type, e.g. access → refresh): the token session and Postman chaining send the kind it took before.
import { schemeRule } from "../security.ts";

export default schemeRule({
  id: "security-token-type-changed",
  summary: "the token type a scheme takes (x-token-type) changed",
  label: "token type (x-token-type)",
  aspect: (scheme) => scheme.tokenType,
});
