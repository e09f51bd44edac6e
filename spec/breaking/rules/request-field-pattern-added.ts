// A new pattern refuses every value that does not match it.
import { added, requestConstraintRule } from "../constraint.ts";

export default requestConstraintRule({
  id: "request-field-pattern-added",
  summary: "a pattern added to a request field",
  keywords: { pattern: added },
});
