// What an operation's valid request carries right now: the user's values, else a chained token
// for a JWT field and the bearer scheme, else the spec's example; or why the operation cannot run
// yet (a token no earlier operation returned, a field with no example, an unsupported scheme).
import type { ApiModel, FieldModel, FormValue, OperationModel } from "@klearstack/spec";
import type { TokenStore } from "./chain.ts";
import type { ValidInputs } from "./checks.ts";
import { type GivenValues, runInputs } from "./inputs.ts";

export type Resolved = { ok: true; valid: ValidInputs } | { ok: false; why: string };

/** The valid inputs of an operation now, or why it cannot run yet. */
export function inputResolver(
  options: { model: ApiModel; given: GivenValues },
  store: TokenStore,
): (op: OperationModel) => Resolved {
  const inputs = runInputs(options.model);
  const { chain } = options.model;
  const { given } = options;
  return (op) => {
    const unsupported = op.security.find((s) => !(s.type === "http" && s.scheme === "bearer"));
    if (unsupported) {
      return {
        ok: false,
        why: `security scheme ${unsupported.name} (${unsupported.type}) is not supported`,
      };
    }
    if (op.path.includes("{")) return { ok: false, why: "path parameters are not supported yet" };
    const fields: Record<string, FormValue> = {};
    for (const field of op.fields) {
      const input = inputs.fields.find((i) => i.name === field.name);
      const where = input?.secret
        ? `set ${input.secret.env} or pipe it to --${input.secret.stdinFlag}`
        : `pass --${input?.flag}`;
      const tokenType = field.tokenType;
      const value =
        given.fields[field.name] ?? (field.jwt ? store.get(tokenType) : exampleOf(field));
      if (value !== undefined) fields[field.name] = value;
      else if (field.required && field.jwt) {
        const kind = tokenType ? aToken(tokenType) : "a JWT";
        return {
          ok: false,
          why: `needs ${field.name}, and no operation run so far returned ${kind} (or ${where})`,
        };
      } else if (field.required) {
        return {
          ok: false,
          why: `needs ${field.name}, which the spec gives no example of (${where})`,
        };
      }
    }
    let bearer: string | undefined;
    if (op.bearer) {
      const bearerType = chain.bearerTokenType(op.bearer);
      const input = inputs.bearers.find((i) => i.scheme === op.bearer?.name);
      bearer = given.bearers[op.bearer.name] ?? store.get(bearerType);
      if (bearer === undefined) {
        const kind = bearerType ? aToken(bearerType) : "a token the spec ties to this scheme";
        return {
          ok: false,
          why: `needs a ${op.bearer.name} credential, and no operation run so far returned ${kind} (or set ${input?.secret.env} or pipe it to --${input?.secret.stdinFlag})`,
        };
      }
    }
    return { ok: true, valid: { fields, bearer } };
  };
}

/**
 * The spec's example as the schema types it (a secret's as its text); a file the spec gives no
 * example of is a small one of its media type, as long as its schema's minLength asks.
 */
function exampleOf(field: FieldModel): FormValue | undefined {
  if (field.secret) return field.example;
  if (field.exampleValue !== undefined) return field.exampleValue as FormValue;
  if (field.kind !== "file") return undefined;
  const type = field.schema.contentMediaType;
  const minLength = typeof field.schema.minLength === "number" ? field.schema.minLength : 1;
  return new Blob(["a".repeat(Math.max(1, minLength))], {
    type: typeof type === "string" ? type : "application/octet-stream",
  });
}

const aToken = (type: string) => `${/^[aeiou]/i.test(type) ? "an" : "a"} ${type} token`;
