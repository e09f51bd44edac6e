// Where tsgo, TypeScript 7's native compiler, is: its bin script, run as `node <tsgo> -p <dir>`.
// The package exports no bin path, so it is found beside its package.json.
import { createRequire } from "node:module";

export const tsgo = createRequire(import.meta.url)
  .resolve("@typescript/native-preview/package.json")
  .replace(/package\.json$/, "bin/tsgo");
