// The opposite of the tightening rules: every request that worked still works; the mock and the
// client's input checks accept more.
import {
  enumWidened,
  lowerLowered,
  removed,
  requestConstraintRule,
  upperRaised,
} from "../constraint.ts";

export default requestConstraintRule({
  id: "request-field-constraint-loosened",
  summary:
    "a request field's constraint loosened (minLength/minimum lowered, maxLength/maximum raised, pattern/format removed, enum value added)",
  level: "patch",
  consequence: "requests that worked still work",
  keywords: {
    minLength: lowerLowered,
    minimum: lowerLowered,
    exclusiveMinimum: lowerLowered,
    maxLength: upperRaised,
    maximum: upperRaised,
    exclusiveMaximum: upperRaised,
    pattern: removed,
    format: removed,
    enum: enumWidened,
  },
});
