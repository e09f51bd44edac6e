// A higher minLength refuses the shorter values that were accepted.
import { lengthRaised, requestConstraintRule } from "../constraint.ts";

export default requestConstraintRule({
  id: "request-field-min-length-increased",
  summary: "a request field's minLength raised (or added)",
  keywords: { minLength: lengthRaised },
});
