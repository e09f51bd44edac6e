// What a run can be told, derived from the model: one input per request field name (across all
// operations), and one per bearer scheme. Plain fields are flags (`user_id` → `--user-id`); secrets
// (passwords, tokens, bearer credentials) come from an environment variable (`KLEARSTACK_PASSWORD`)
// or standard input (`--password-stdin`), never from argv, which any local user can read in `ps`.
// The names themselves (flag, variable, stdin flag) are the model's (FieldModel.flag/envVar, the
// bearer scheme's, from names.ts in @klearstack/spec), shared with the client CLI and the samples.
import type { ApiModel, InputNames } from "@klearstack/spec";

export interface SecretSource {
  /** e.g. KLEARSTACK_PASSWORD */
  env: string;
  /** e.g. password-stdin (without the dashes) */
  stdinFlag: string;
}

export interface FieldInput {
  /** The request field, e.g. "user_id". */
  name: string;
  /** The flag without its dashes, e.g. "user-id"; refused for secrets. */
  flag: string;
  description: string;
  /** The documented example, used when no value is given; never for JWT fields. */
  example: string | undefined;
  /** A JWT field: filled from a token an earlier operation returned. */
  tokenType: string | undefined;
  token: boolean;
  /** Set for secrets: where the value may come from instead of argv. */
  secret: SecretSource | undefined;
}

export interface BearerInput {
  /** The security scheme's name, e.g. "bearerAccessToken". */
  scheme: string;
  flag: string;
  description: string;
  /** The token type the chain fills it from (`model.chain.bearerTokenType`). */
  tokenType: string | undefined;
  secret: SecretSource;
}

export interface RunInputs {
  fields: FieldInput[];
  bearers: BearerInput[];
}

const secretSource = (names: InputNames): SecretSource => ({
  env: names.envVar,
  stdinFlag: names.stdinFlag,
});

const oneLine = (text: string | undefined) => (text ?? "").replace(/\s+/g, " ").trim();

export function runInputs(model: ApiModel): RunInputs {
  const fields = new Map<string, FieldInput>();
  const bearers = new Map<string, BearerInput>();
  for (const op of model) {
    for (const field of op.fields) {
      const known = fields.get(field.name);
      const token = field.jwt;
      const secret = field.secret || token;
      if (known) {
        // One flag per name: a field that is secret in any operation is secret everywhere.
        if (secret && !known.secret) known.secret = secretSource(field);
        continue;
      }
      fields.set(field.name, {
        name: field.name,
        flag: field.flag,
        description: oneLine(field.description) || field.name,
        example: token ? undefined : field.example,
        tokenType: field.tokenType,
        token,
        secret: secret ? secretSource(field) : undefined,
      });
    }
    if (op.bearer && !bearers.has(op.bearer.name)) {
      bearers.set(op.bearer.name, {
        scheme: op.bearer.name,
        flag: op.bearer.flag,
        description: oneLine(op.bearer.description) || `${op.bearer.name} credential`,
        tokenType: model.chain.bearerTokenType(op.bearer),
        secret: secretSource(op.bearer),
      });
    }
  }
  return { fields: [...fields.values()], bearers: [...bearers.values()] };
}

/** Values the user gave: request fields by name, bearer credentials by scheme name. */
export interface GivenValues {
  fields: Record<string, string>;
  bearers: Record<string, string>;
}

export type ReadInputs = { ok: true; given: GivenValues } | { ok: false; refusal: string };

/**
 * Collects the user's values. `flags` holds the parsed command-line options; `stdinFlags` the
 * `--*-stdin` flags in the order given, `stdinLines` what standard input held (one line each, in
 * that order). A secret passed as a flag is refused with where to put it instead, never echoed.
 */
export function readInputs(
  inputs: RunInputs,
  flags: Record<string, unknown>,
  env: NodeJS.ProcessEnv,
  stdinFlags: string[],
  stdinLines: string[],
): ReadInputs {
  const given: GivenValues = { fields: {}, bearers: {} };
  const fromSecret = (flag: string, source: SecretSource): string | undefined | Error => {
    if (typeof flags[flag] === "string") {
      return new Error(
        `--${flag} would put a secret on the command line, where any local user can read it (ps, shell history); set ${source.env} or pipe it to --${source.stdinFlag} instead.`,
      );
    }
    const line = stdinFlags.indexOf(source.stdinFlag);
    if (line >= 0) {
      const value = stdinLines[line];
      if (value) return value;
      return new Error(
        `--${source.stdinFlag}: standard input held no line ${line + 1} for it. (At the repository root, \`npm run conformance\` goes through turbo, which does not forward standard input: set ${source.env}, or run \`npm run conformance -w @klearstack/conformance -- …\`.)`,
      );
    }
    // An empty variable is as good as unset: there is no empty secret to send.
    return env[source.env] || undefined;
  };
  for (const input of inputs.fields) {
    const value = input.secret ? fromSecret(input.flag, input.secret) : flags[input.flag];
    if (value instanceof Error) return { ok: false, refusal: value.message };
    if (typeof value === "string") given.fields[input.name] = value;
  }
  for (const input of inputs.bearers) {
    const value = fromSecret(input.flag, input.secret);
    if (value instanceof Error) return { ok: false, refusal: value.message };
    if (typeof value === "string") given.bearers[input.scheme] = value;
  }
  return { ok: true, given };
}
