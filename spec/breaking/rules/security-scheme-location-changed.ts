// An apiKey scheme moved (header → query, another header name): the credential is looked for elsewhere.
import { schemeRule } from "../security.ts";

export default schemeRule({
  id: "security-scheme-location-changed",
  summary: "an apiKey scheme's location (in) or parameter name changed",
  label: "location",
  aspect: (scheme) =>
    scheme.type === "apiKey" ? `${scheme.in} ${scheme.parameterName}` : undefined,
});
