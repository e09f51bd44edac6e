// Every rule of the gate, one per file (Redocly CLI's habit). Add a rule: write its file, list it
// here, give it a row in the README's table (a test holds the table to this list) and an edit in
// test/breaking.test.ts that it must name.
import type { Rule } from "../types.ts";
import descriptionChanged from "./description-changed.ts";
import exampleChanged from "./example-changed.ts";
import operationAdded from "./operation-added.ts";
import operationIdChanged from "./operation-id-changed.ts";
import operationMethodChanged from "./operation-method-changed.ts";
import operationPathChanged from "./operation-path-changed.ts";
import operationRemoved from "./operation-removed.ts";
import operationSummaryChanged from "./operation-summary-changed.ts";
import requestBodyBecameRequired from "./request-body-became-required.ts";
import requestFieldAddedOptional from "./request-field-added-optional.ts";
import requestFieldAddedRequired from "./request-field-added-required.ts";
import requestFieldBecameRequired from "./request-field-became-required.ts";
import requestFieldBecameSecret from "./request-field-became-secret.ts";
import requestFieldConstraintLoosened from "./request-field-constraint-loosened.ts";
import requestFieldEnumValueRemoved from "./request-field-enum-value-removed.ts";
import requestFieldFormatAdded from "./request-field-format-added.ts";
import requestFieldFormatChanged from "./request-field-format-changed.ts";
import requestFieldMaxLengthDecreased from "./request-field-max-length-decreased.ts";
import requestFieldMaximumDecreased from "./request-field-maximum-decreased.ts";
import requestFieldMinLengthIncreased from "./request-field-min-length-increased.ts";
import requestFieldMinimumIncreased from "./request-field-minimum-increased.ts";
import requestFieldPatternAdded from "./request-field-pattern-added.ts";
import requestFieldPatternChanged from "./request-field-pattern-changed.ts";
import requestFieldRemoved from "./request-field-removed.ts";
import requestFieldTokenTypeChanged from "./request-field-token-type-changed.ts";
import requestFieldTypeChanged from "./request-field-type-changed.ts";
import requestMediaTypeAdded from "./request-media-type-added.ts";
import requestMediaTypeRemoved from "./request-media-type-removed.ts";
import responseFieldAdded from "./response-field-added.ts";
import responseFieldBecameOptional from "./response-field-became-optional.ts";
import responseFieldEnumValueAdded from "./response-field-enum-value-added.ts";
import responseFieldRemoved from "./response-field-removed.ts";
import responseFieldTypeChanged from "./response-field-type-changed.ts";
import responseMediaTypeAdded from "./response-media-type-added.ts";
import responseMediaTypeRemoved from "./response-media-type-removed.ts";
import responseStatusAdded from "./response-status-added.ts";
import responseStatusRemoved from "./response-status-removed.ts";
import responseTokenTypeChanged from "./response-token-type-changed.ts";
import securityRequirementAdded from "./security-requirement-added.ts";
import securityRequirementChanged from "./security-requirement-changed.ts";
import securityRequirementRemoved from "./security-requirement-removed.ts";
import securitySchemeBearerFormatChanged from "./security-scheme-bearer-format-changed.ts";
import securitySchemeHttpSchemeChanged from "./security-scheme-http-scheme-changed.ts";
import securitySchemeLocationChanged from "./security-scheme-location-changed.ts";
import securitySchemeTypeChanged from "./security-scheme-type-changed.ts";
import securityTokenTypeChanged from "./security-token-type-changed.ts";
import tokenLifetimeShortened from "./token-lifetime-shortened.ts";

export const rules: readonly Rule[] = [
  descriptionChanged,
  exampleChanged,
  operationAdded,
  operationIdChanged,
  operationMethodChanged,
  operationPathChanged,
  operationRemoved,
  operationSummaryChanged,
  requestBodyBecameRequired,
  requestFieldAddedOptional,
  requestFieldAddedRequired,
  requestFieldBecameRequired,
  requestFieldBecameSecret,
  requestFieldConstraintLoosened,
  requestFieldEnumValueRemoved,
  requestFieldFormatAdded,
  requestFieldFormatChanged,
  requestFieldMaxLengthDecreased,
  requestFieldMaximumDecreased,
  requestFieldMinLengthIncreased,
  requestFieldMinimumIncreased,
  requestFieldPatternAdded,
  requestFieldPatternChanged,
  requestFieldRemoved,
  requestFieldTokenTypeChanged,
  requestFieldTypeChanged,
  requestMediaTypeAdded,
  requestMediaTypeRemoved,
  responseFieldAdded,
  responseFieldBecameOptional,
  responseFieldEnumValueAdded,
  responseFieldRemoved,
  responseFieldTypeChanged,
  responseMediaTypeAdded,
  responseMediaTypeRemoved,
  responseStatusAdded,
  responseStatusRemoved,
  responseTokenTypeChanged,
  securityRequirementAdded,
  securityRequirementChanged,
  securityRequirementRemoved,
  securitySchemeBearerFormatChanged,
  securitySchemeHttpSchemeChanged,
  securitySchemeLocationChanged,
  securitySchemeTypeChanged,
  securityTokenTypeChanged,
  tokenLifetimeShortened,
];
