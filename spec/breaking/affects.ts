// What a change touches for users, named the way they meet it. The names follow the rules of the
// workspaces that make each artifact (this package cannot import them: they depend on it):
// - CLI (packages/client/src/cli/commands.ts): the subcommand is the operationId in kebab-case, a
//   field's flag is `--` + its name with `_` → `-`, a secret field and the bearer token come from
//   `KLEARSTACK_<NAME>` (or `--<flag>-stdin`), never from a flag. test/breaking.test.ts holds
//   these to the CLI's own functions.
// - Postman (apps/postman): openapi-to-postmanv2 names each request by the operation's summary.
// - Docs (apps/docs/src/page.ts, operationRoute): Redoc routes `#/<tag>/<operationId>`, slugged.
import type { FieldModel, OperationModel } from "../model.ts";

const envPrefix = "KLEARSTACK_";

export const cliCommandOf = (operationId: string): string =>
  operationId
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .toLowerCase();
export const cliFlagOf = (field: string): string => field.replace(/_/g, "-").toLowerCase();
export const cliVariableOf = (field: string): string =>
  `${envPrefix}${field.toUpperCase().replace(/[^A-Z0-9]+/g, "_")}`;
/** The variable every bearer subcommand reads its access token from. */
export const cliBearerVariable = `${envPrefix}ACCESS_TOKEN`;

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
        ? `CLI subcommand ${command}: ${cliVariableOf(field.name)} (or --${cliFlagOf(field.name)}-stdin)`
        : `CLI flag --${cliFlagOf(field.name)} of ${command}`;
    },
    bearerVariable: `CLI subcommand ${command}: ${cliBearerVariable}`,
    postman: `Postman request "${op.summary ?? id}"`,
    docs: `docs anchor ${docsAnchorOf(op)}`,
    mock: (behaviour: string) => `mock: ${behaviour}`,
  };
}

export const whereOf = (op: OperationModel): string => `${op.method.toUpperCase()} ${op.path}`;
