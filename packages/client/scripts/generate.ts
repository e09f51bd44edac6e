// Generates src/generated/ from the spec: api.gen.ts (types, by openapi-typescript) and
// operations.gen.ts (the operation table, from the operation model). Both are committed.
//   node scripts/generate.ts                 write them
//   node scripts/generate.ts --check         fail, naming the fix, if a committed file is stale
//   node scripts/generate.ts --spec F --out D  generate from another spec into another folder
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadApiModel, specPath as productSpecPath } from "@klearstack/spec";
import { fixCommand } from "./generated-header.ts";
import { renderOperations } from "./render-operations.ts";
import { renderTypes } from "./render-types.ts";

export { fixCommand };
export const generatedDir = fileURLToPath(new URL("../src/generated/", import.meta.url));

/** File name -> exact text, for every file of src/generated/, from the spec at `specPath`. */
export async function renderGenerated(specPath = productSpecPath): Promise<Record<string, string>> {
  return {
    "api.gen.ts": await renderTypes(specPath),
    "operations.gen.ts": renderOperations(await loadApiModel(specPath)),
  };
}

/** The generated files whose committed text differs from a fresh generation. */
export async function staleFiles(dir = generatedDir): Promise<string[]> {
  const fresh = await renderGenerated();
  return Object.entries(fresh)
    .filter(([name, text]) => {
      try {
        return readFileSync(join(dir, name), "utf8") !== text;
      } catch {
        return true;
      }
    })
    .map(([name]) => name);
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { check: { type: "boolean" }, spec: { type: "string" }, out: { type: "string" } },
  });
  if (values.check) {
    const stale = await staleFiles();
    if (stale.length > 0) {
      console.error(`src/generated/ is stale (${stale.join(", ")}). Fix: ${fixCommand}`);
      process.exit(1);
    }
  } else {
    const out = values.out ? resolve(values.out) : generatedDir;
    mkdirSync(out, { recursive: true });
    const files = await renderGenerated(values.spec ? resolve(values.spec) : undefined);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(out, name), text);
  }
}
