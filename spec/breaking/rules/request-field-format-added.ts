// A new format refuses values that do not have it.
import { added, requestConstraintRule } from "../constraint.ts";

export default requestConstraintRule({
  id: "request-field-format-added",
  summary: "a format added to a request field",
  keywords: { format: added },
});
