// A higher minimum refuses the smaller values that were accepted.
import { lowerRaised, requestConstraintRule } from "../constraint.ts";

export default requestConstraintRule({
  id: "request-field-minimum-increased",
  summary: "a request field's minimum raised (or added)",
  keywords: { minimum: lowerRaised, exclusiveMinimum: lowerRaised },
});
