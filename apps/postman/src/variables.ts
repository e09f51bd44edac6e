// The collection variables behind the form values: one per field name holding the spec's example
// (so a Postman user sets `company_name` once for every call), one per operation and field where
// operations document different examples for the same name, and one per issued token type, which
// the generated tests fill. A field that is an issued token sends the stored token, never its
// documented (long expired) example.
import {
  type ApiModel,
  encodeFormValue,
  type FieldModel,
  type FormValue,
  type OperationModel,
} from "@klearstack/spec";
import type { Chain } from "./chain.ts";
import type { FieldEntry } from "./requests.ts";

const MULTIPART = "multipart/form-data";

export interface CollectionVariable {
  key: string;
  value: string;
  description: string;
}

export interface FieldValues {
  /** What `op` sends in `field`: a `{{variable}}`, or undefined to leave an optional field out. */
  valueFor(op: OperationModel, field: string): FieldEntry[] | undefined;
  variables: CollectionVariable[];
}

const reference = (variable: string) => `{{${variable}}}`;

export function fieldValues(model: ApiModel, chain: Chain): FieldValues {
  const examplesByName = new Map<string, Set<string>>();
  for (const op of model)
    for (const field of op.fields)
      if (!chain.field(field) && field.example !== undefined)
        examplesByName.set(
          field.name,
          (examplesByName.get(field.name) ?? new Set()).add(field.example),
        );

  const variables = new Map<string, CollectionVariable>();
  const values = new Map<OperationModel, Map<string, FieldEntry[]>>();
  for (const op of model) {
    const sends = new Map<string, FieldEntry[]>();
    values.set(op, sends);
    for (const field of op.fields) {
      const token = chain.field(field);
      if (token) {
        sends.set(field.name, [{ value: reference(token.variable) }]);
        continue;
      }
      // An array goes as repeated keys, one per documented item (the model's wire encoding); a
      // file as a file param of the same name, read from the run's working directory (formdata).
      if (field.kind === "array" && field.exampleValue !== undefined) {
        const items = encodeFormValue(field, field.exampleValue as FormValue, MULTIPART);
        sends.set(
          field.name,
          items.map(([, value]) => ({ value: String(value) })),
        );
        continue;
      }
      if (field.kind === "file") {
        sends.set(field.name, [{ type: "file", src: field.name }]);
        continue;
      }
      if (field.example === undefined) {
        if (field.required)
          throw new Error(
            `${op.operationId}: required field ${field.name} documents no example, so the collection has no valid value to send`,
          );
        continue;
      }
      const shared = examplesByName.get(field.name)?.size === 1;
      const key = shared ? field.name : `${op.operationId}_${field.name}`;
      variables.set(key, { key, value: field.example, description: describe(field) });
      sends.set(field.name, [{ value: reference(key) }]);
    }
  }

  const clash = chain.variables.find((key) => variables.has(key));
  if (clash) throw new Error(`the form field variable ${clash} has the name of a token variable`);
  const tokenVariables = chain.variables.map((key) => ({
    key,
    value: "",
    description: `Set by the generated tests of the requests that issue it (${issuers(model, chain, key)}); sent by the requests that need it. Never store a real token here.`,
  }));
  return {
    valueFor: (op, field) => values.get(op)?.get(field),
    variables: [...variables.values(), ...tokenVariables],
  };
}

function describe(field: FieldModel): string {
  const documented = `${field.description ?? field.name} The spec's example.`;
  return field.secret
    ? `${documented} A secret: set a real one in your own environment (type secret), never in the collection.`
    : documented;
}

function issuers(model: ApiModel, chain: Chain, variable: string): string {
  return model.operations
    .filter((op) => chain.issued(op).some((t) => t.variable === variable))
    .map((op) => op.operationId)
    .join(", ");
}
