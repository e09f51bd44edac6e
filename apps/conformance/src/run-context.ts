// What every run (the fixed checks and the fuzzer) starts from: the operation model, the values
// the user gave, and a masker that already knows every secret among them.
import { type ApiModel, loadApiModel, SecretMasker } from "@klearstack/spec";
import { type GivenValues, runInputs } from "./inputs.ts";

export interface RunContextOptions {
  /** The operation model; default: loaded from `specPath`, else this repository's spec. */
  model?: ApiModel;
  specPath?: string;
  /** Request field values by field name (secrets included). */
  fields?: Record<string, string>;
  /** Bearer credentials by security scheme name; default: the tokens the logins return. */
  bearers?: Record<string, string>;
  /** Secrets to hide besides those the run sends and receives (the CLI's, for its own messages). */
  masker?: SecretMasker;
}

export interface RunContext {
  model: ApiModel;
  given: GivenValues;
  masker: SecretMasker;
}

export async function runContext(options: RunContextOptions): Promise<RunContext> {
  const model = options.model ?? (await loadApiModel(options.specPath));
  const given: GivenValues = { fields: options.fields ?? {}, bearers: options.bearers ?? {} };
  const masker = options.masker ?? new SecretMasker();
  for (const value of Object.values(given.bearers)) masker.add(value);
  for (const input of runInputs(model).fields) {
    if (input.secret) masker.add(given.fields[input.name]);
  }
  return { model, given, masker };
}
