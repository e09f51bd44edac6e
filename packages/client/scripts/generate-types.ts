// Generates src/generated/api.gen.ts from the spec with openapi-typescript. The file is committed;
// `--check` (run by the drift test) regenerates in memory and fails if the committed copy differs.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { specPath } from "@klearstack/spec";
import openapiTS, { astToString, COMMENT_HEADER } from "openapi-typescript";

export const generatedFile = new URL("../src/generated/api.gen.ts", import.meta.url);
export const fixCommand = "npm run generate -w @klearstack/client";

const header = `${COMMENT_HEADER.trimEnd()}
// Generated from spec/openapi.yaml by packages/client/scripts/generate-types.ts.
// To refresh after a spec edit: ${fixCommand}

`;

/** The exact text api.gen.ts must contain for the current spec. */
export async function renderTypes(): Promise<string> {
  const ast = await openapiTS(pathToFileURL(specPath), { silent: true });
  return header + astToString(ast);
}

if (import.meta.main) {
  const expected = await renderTypes();
  if (process.argv.includes("--check")) {
    if (readFileSync(generatedFile, "utf8") !== expected) {
      console.error(`src/generated/api.gen.ts is stale. Fix: ${fixCommand}`);
      process.exit(1);
    }
  } else {
    writeFileSync(generatedFile, expected);
  }
}
