// The one request every bench and soak run sends: the operation, with the spec's field examples.
import { loadSpec } from "@klearstack/spec";

const spec = loadSpec();
const [path] = Object.keys(spec.paths);
export const operationPath = path ?? "/";
const fields = spec.components.schemas.TokenRequest?.properties as Record<
  string,
  { examples: string[] }
>;
export const form = new URLSearchParams(
  Object.entries(fields).map(([name, schema]) => [name, String(schema.examples[0])]),
).toString();
export const contentType = "application/x-www-form-urlencoded";

export const validBody = (): RequestInit => ({
  method: "POST",
  headers: { "content-type": contentType },
  body: form,
});
