// The client regenerated from the spec's unseen-operation fixture, in a temp folder: a copy of
// src/ whose src/generated/ comes from `scripts/generate.ts --spec <fixture> --out ...`, exactly
// what a maintainer's `npm run generate` would make after adding the operation. Nothing is edited
// by hand, and no file of this package is touched.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadApiModel } from "@klearstack/spec";
import { writeUnseenOperationSpec } from "@klearstack/spec/fixtures";

const packageDir = fileURLToPath(new URL("../../", import.meta.url));
/** The monorepo's node_modules: openapi-fetch and @klearstack/spec resolve from the copy too. */
const nodeModules = join(dirname(dirname(packageDir)), "node_modules");

export async function unseenClient() {
  const dir = mkdtempSync(join(tmpdir(), "klearstack-unseen-client-"));
  const specPath = writeUnseenOperationSpec(dir);
  cpSync(join(packageDir, "src"), join(dir, "src"), {
    recursive: true,
    filter: (source) => !source.includes(`${join("src", "generated")}`),
  });
  symlinkSync(nodeModules, join(dir, "node_modules"), "dir");
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module", private: true }));
  execFileSync(
    process.execPath,
    [
      join(packageDir, "scripts/generate.ts"),
      "--spec",
      specPath,
      "--out",
      join(dir, "src/generated"),
    ],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  return {
    dir,
    specPath,
    model: await loadApiModel(specPath),
    /** The regenerated package's entry point and CLI module, as modules of this process. */
    index: join(dir, "src/index.ts"),
    cli: join(dir, "src/cli/run.ts"),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
