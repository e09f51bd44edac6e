// Runs Optic's breaking-changes check on two spec files, fenced in: no telemetry, no update check,
// no writes outside the sandbox directory (inside the repo's ignored tmp/), no git side effects.
import { execFile } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const opticBin = createRequire(import.meta.url).resolve("@useoptic/optic/build/index.js");

export interface OpticResult {
  /** Optic's own exit code: 0 when no check failed. */
  code: number;
  /** Optic's terminal changelog: every change, each failed check marked `x [rule] ...`. */
  output: string;
}

export function opticEnv(sandbox: string): NodeJS.ProcessEnv {
  const home = join(sandbox, "home");
  mkdirSync(home, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    // Optic reads ~/.config/optic and update-notifier writes ~/.config/configstore: keep both here.
    HOME: home,
    XDG_CONFIG_HOME: join(home, ".config"),
    XDG_CACHE_HOME: join(home, ".cache"),
    TMPDIR: sandbox,
    // Segment and Sentry both stay off at this level (build/segment.js, build/sentry.js).
    OPTIC_TELEMETRY_LEVEL: "off",
    NO_UPDATE_NOTIFIER: "1",
    // Optic runs `git status`; without this git may take .git/index.lock beside other writers.
    GIT_OPTIONAL_LOCKS: "0",
    // Git must not find this repo from the sandbox: Optic then skips its git and remote lookups.
    GIT_CEILING_DIRECTORIES: join(sandbox, ".."),
    FORCE_COLOR: "0",
  };
  // CI is deliberately absent: with CI set, Optic writes ci-run-details.json into its cwd.
  return env;
}

/**
 * Our standard, passed with --standard so that it wins over anything the spec could name in
 * `x-optic-standard` (which Optic would download). Optic's default skips every breaking-change
 * rule when info.version's major goes up; a break still breaks clients, so we report it anyway.
 */
const standard = `ruleset:
  - breaking-changes:
      skip_when_major_version_changes: false
`;

export function runOptic(
  baseFile: string,
  headFile: string,
  sandbox: string,
): Promise<OpticResult> {
  const standardFile = join(sandbox, "optic-standard.yml");
  writeFileSync(standardFile, standard);
  // --validation loose: Optic 1.0.9's strict 3.1 schema rejects the root `jsonSchemaDialect`
  // field, which OpenAPI 3.1 allows. Validity is Redocly's job (`npm run lint`), not this gate's.
  const args = [opticBin, "diff", baseFile, headFile, "--check", "--validation", "loose"];
  args.push("--standard", standardFile);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      { cwd: sandbox, env: opticEnv(sandbox), maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        const output = `${stdout}${stderr}`
          .split("\n")
          .filter((line) => !line.includes("--web flag"))
          .join("\n")
          .trimEnd();
        resolve({ code, output });
      },
    );
  });
}
