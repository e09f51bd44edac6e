// An http scheme changed (bearer → basic, …): the Authorization header is built another way.
import { schemeRule } from "../security.ts";

export default schemeRule({
  id: "security-scheme-http-scheme-changed",
  summary: "an http security scheme's scheme changed (e.g. bearer → basic)",
  label: "http scheme",
  aspect: (scheme) => scheme.scheme,
});
