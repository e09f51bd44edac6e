// A value the enum no longer lists is refused.
import { enumNarrowed, requestConstraintRule } from "../constraint.ts";

export default requestConstraintRule({
  id: "request-field-enum-value-removed",
  summary: "a request field's enum lost a value (or an enum was added)",
  keywords: { enum: enumNarrowed },
});
