// A changed format refuses values of the old one.
import { changed, requestConstraintRule } from "../constraint.ts";

export default requestConstraintRule({
  id: "request-field-format-changed",
  summary: "a request field's format changed",
  keywords: { format: changed },
});
