// A changed pattern may refuse values the old one accepted (patterns cannot be compared, so any change counts).
import { changed, requestConstraintRule } from "../constraint.ts";

export default requestConstraintRule({
  id: "request-field-pattern-changed",
  summary: "a request field's pattern changed",
  keywords: { pattern: changed },
});
