// Renders src/generated/api.gen.ts: the spec's paths, operations and schemas as TypeScript types,
// by openapi-typescript. Every input and result type of the client comes from here.
import { pathToFileURL } from "node:url";
import { isFileSchema } from "@klearstack/spec";
import openapiTS, { astToString, COMMENT_HEADER } from "openapi-typescript";
import ts from "typescript";
import { generatedHeader } from "./generated-header.ts";

/** The exact text api.gen.ts must contain for the spec at `specPath`. */
export async function renderTypes(specPath: string): Promise<string> {
  const ast = await openapiTS(pathToFileURL(specPath), {
    silent: true,
    // A file field (the model's rule: `format: binary` or a non-JWT `contentMediaType`) is sent
    // as a Blob (a File is one); openapi-typescript alone would type it a string.
    transform: (schema) =>
      isFileSchema(schema as Record<string, unknown>)
        ? ts.factory.createTypeReferenceNode("Blob")
        : undefined,
  });
  return `${COMMENT_HEADER.trimEnd()}\n${generatedHeader("render-types.ts")}\n${astToString(ast)}`;
}
