// A lower maximum refuses the larger values that were accepted.
import { requestConstraintRule, upperLowered } from "../constraint.ts";

export default requestConstraintRule({
  id: "request-field-maximum-decreased",
  summary: "a request field's maximum lowered (or added)",
  keywords: { maximum: upperLowered, exclusiveMaximum: upperLowered },
});
