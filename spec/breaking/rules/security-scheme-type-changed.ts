// A scheme of another type (http → apiKey, …) takes its credential another way.
import { schemeRule } from "../security.ts";

export default schemeRule({
  id: "security-scheme-type-changed",
  summary: "a security scheme's type changed (e.g. http bearer → apiKey)",
  label: "type",
  aspect: (scheme) => scheme.type,
  acrossTypes: true,
});
