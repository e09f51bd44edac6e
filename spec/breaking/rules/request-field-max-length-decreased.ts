// A lower maxLength refuses the longer values that were accepted.
import { requestConstraintRule, upperLowered } from "../constraint.ts";

export default requestConstraintRule({
  id: "request-field-max-length-decreased",
  summary: "a request field's maxLength lowered (or added)",
  keywords: { maxLength: upperLowered },
});
