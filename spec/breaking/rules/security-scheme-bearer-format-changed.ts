// A bearer scheme that takes another format of token (JWT → opaque, …).
import { schemeRule } from "../security.ts";

export default schemeRule({
  id: "security-scheme-bearer-format-changed",
  summary: "a bearer scheme's bearerFormat changed",
  label: "bearerFormat",
  aspect: (scheme) => scheme.bearerFormat,
});
