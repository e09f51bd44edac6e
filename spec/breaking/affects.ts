// What a change touches for users, named the way they meet it. CLI subcommands, flags and
// variables come from the model's one naming rule (../names.ts), which the client CLI, conformance
// and the docs samples read too; the other names follow the workspaces that make each artifact
// (they depend on this package, so it cannot import them):
// - Postman (apps/postman): openapi-to-postmanv2 names each request by the operation's summary.
// - Docs (apps/docs/src/page.ts, operationRoute): Redoc routes `#/<tag>/<operationId>`, slugged.
import type { FieldModel, OperationModel } from "../model.ts";
import { commandName, fieldEnvVar, fieldFlag, fieldStdinFlag } from "../names.ts";

export const cliCommandOf = commandName;
export const cliFlagOf = fieldFlag;
export const cliVariableOf = fieldEnvVar;

export function docsAnchorOf(op: Pick<OperationModel, "operationId" | "tags">): string {
  const slug = (text: string) => text.trim().toLowerCase().replace(/\s+/g, "-");
  const [tag] = op.tags;
  return `#/${(tag === undefined ? [op.operationId] : [tag, op.operationId]).map(slug).join("/")}`;
}

/** The artifacts generated from one operation, as strings for `Finding.affects`. */
export function artifactsOf(op: OperationModel) {
  const id = op.operationId;
  const command = cliCommandOf(id);
  return {
    method: `client method ${id}`,
    input: `client method ${id} (input type)`,
    result: `client method ${id} (result type)`,
    errors: `client method ${id} (typed errors)`,
    bearerOption: `client method ${id} (accessToken option) and the token session`,
    command: `CLI subcommand ${command}`,
    field(field: FieldModel): string {
      return field.secret
        ? `CLI subcommand ${command}: ${cliVariableOf(field.name)} (or --${fieldStdinFlag(field.name)})`
        : `CLI flag --${cliFlagOf(field.name)} of ${command}`;
    },
    postman: `Postman request "${op.summary ?? id}"`,
    docs: `docs anchor ${docsAnchorOf(op)}`,
    mock: (behaviour: string) => `mock: ${behaviour}`,
  };
}

export const whereOf = (op: OperationModel): string => `${op.method.toUpperCase()} ${op.path}`;
