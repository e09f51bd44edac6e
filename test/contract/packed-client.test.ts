// Done-when for @klearstack/client: `npm pack` it, install the tarball into a fresh project fully
// offline, type-check a usage example of every call under `strict` (and refuse misuses at compile
// time), and get real tokens from the mock with both the library and the installed
// `klearstack-token` command, one subcommand per operation.
import { type ExecFileOptions, execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { decodeToken } from "@klearstack/client";
import { useMock } from "@klearstack/mock/testing";
import type { OperationModel } from "@klearstack/spec";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operations } from "../../packages/client/test/support/fixtures.ts";
import {
  expectQuietly,
  parseQuietly,
} from "../../packages/client/test/support/secret-safe-assertions.ts";
import { responseErrors } from "./support/response-errors.ts";

const run = promisify(execFile);

/**
 * Runs a command whose stdout holds tokens. execFile's rejection carries stdout, and vitest prints
 * a thrown error's properties, so a failure is rethrown with the exit code and stderr only.
 */
async function runWithTokens(file: string, args: string[], options: ExecFileOptions) {
  try {
    return await run(file, args, { ...options, encoding: "utf8" });
  } catch (error) {
    const { code, stderr } = error as { code?: unknown; stderr?: string };
    throw new Error(
      `${basename(file)} failed (exit ${String(code)}; stdout withheld: it may hold tokens)\n${stderr ?? ""}`,
    );
  }
}
const require = createRequire(import.meta.url);
const clientDir = dirname(require.resolve("@klearstack/client/package.json"));
const fixture = fileURLToPath(new URL("fixtures/fresh-app/", import.meta.url));
const tsc = require.resolve("typescript/bin/tsc");
// openapi-fetch (and its one dependency) are packed from this workspace's node_modules, so the
// install needs no registry at all.
const openapiFetchDir = dirname(
  require.resolve("openapi-fetch/package.json", { paths: [clientDir] }),
);
const helpersDir = dirname(
  require.resolve("openapi-typescript-helpers/package.json", { paths: [openapiFetchDir] }),
);

// npm run as a child of `npm test` inherits npm_* settings (workspace, prefix...) that would point
// it back at this monorepo; the fresh project gets a clean environment plus the offline switch.
const npmEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key))),
  PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ""}`,
  npm_config_offline: "true",
  npm_config_ignore_scripts: "true",
  npm_config_audit: "false",
  npm_config_fund: "false",
  npm_config_update_notifier: "false",
};
const npm = (args: string[], cwd: string) => run("npm", args, { cwd, env: npmEnv });

async function pack(dir: string, destination: string): Promise<string> {
  const { stdout } = await npm(["pack", "--json", "--pack-destination", destination], dir);
  const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];
  return `file:../${filename}`;
}

const mock = useMock();
let root = "";
let app = "";

beforeAll(async () => {
  if (!existsSync(join(clientDir, "dist/index.js"))) {
    throw new Error("packages/client/dist is missing: run `npm run build -w @klearstack/client`");
  }
  root = mkdtempSync(join(tmpdir(), "klearstack-fresh-app-"));
  app = join(root, "app");
  cpSync(fixture, app, { recursive: true });
  const [client, openapiFetch, helpers] = await Promise.all([
    pack(clientDir, root),
    pack(openapiFetchDir, root),
    pack(helpersDir, root),
  ]);
  writeFileSync(
    join(app, "package.json"),
    JSON.stringify({
      name: "fresh-app",
      private: true,
      type: "module",
      dependencies: { "@klearstack/client": client },
      overrides: { "openapi-fetch": openapiFetch, "openapi-typescript-helpers": helpers },
    }),
  );
  await npm(["install"], app);
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe("the packed @klearstack/client in a fresh project", () => {
  it("installed offline, from local tarballs only", () => {
    const lock = JSON.parse(readFileSync(join(app, "package-lock.json"), "utf8")) as {
      packages: Record<string, { resolved?: string }>;
    };
    const installed = Object.entries(lock.packages).filter(([path]) => path !== "");
    expect(installed.map(([path]) => path).sort()).toEqual([
      "node_modules/@klearstack/client",
      "node_modules/openapi-fetch",
      "node_modules/openapi-typescript-helpers",
    ]);
    for (const [, entry] of installed) expect(entry.resolved).toMatch(/^file:\.\.\/.*\.tgz$/);
  });

  it("type-checks the usage example under strict (declarations included, no skipLibCheck)", async () => {
    const result = await run(process.execPath, [tsc, "-p", app]).catch(
      (e: { stdout: string }) => e,
    );
    expect("stdout" in result ? result.stdout : "").toBe("");
  });

  it("refuses misuses at compile time (every @ts-expect-error in misuse.ts is an error)", async () => {
    const config = join(app, "tsconfig.misuse.json");
    const output = await run(process.execPath, [tsc, "-p", config]).then(
      () => "",
      (e: { stdout: string }) => e.stdout,
    );
    expect(output).toBe("");
  });

  it("gets real tokens from the mock with the library, for every call the example makes", async () => {
    const inputs = Object.fromEntries(operations.map((op) => [op.operationId, op.exampleFields]));
    const { stdout } = await runWithTokens(
      process.execPath,
      [join(app, "run.mjs"), mock.url, JSON.stringify(inputs)],
      { cwd: app },
    );
    // The answers are checked against the spec without being printed; the rest holds no token.
    const { answers, ...result } = parseQuietly(stdout, "run.mjs's stdout") as {
      answers: Record<string, unknown>;
    };
    // The example calls the operations a consumer needs, not necessarily every one (the CLI test
    // below covers every operation): each answer it got is checked against its operation.
    const called = operations.filter((op) => op.operationId in answers);
    expect(called.length, "operations the example called").toBeGreaterThan(0);
    expect(Object.keys(answers).length).toBe(called.length);
    for (const op of called) {
      expect(responseErrors(op, 200, "application/json", answers[op.operationId])).toEqual([]);
    }
    expect(result).toMatchObject({
      tokenTypes: ["access", "refresh", "access"],
      sessionTokenIsAccess: true,
      unauthorizedStatus: 401,
      documentedErrorStatus: 500,
    });
  });

  it("gets real tokens from the mock with the installed klearstack-token, a subcommand per operation", async () => {
    const bin = join(app, "node_modules/.bin/klearstack-token");
    // Tokens by type from the last login, for the calls that need them (never on argv).
    let tokens: Record<string, string> = {};
    for (const op of operations) {
      const { args, env } = commandLine(op, tokens);
      const { stdout, stderr } = await runWithTokens(bin, args, {
        env: { ...npmEnv, ...env, KLEARSTACK_BASE_URL: mock.url },
      });
      expectQuietly(stderr === "", `${args[0]} wrote ${stderr.length} characters to stderr`);
      const body = parseQuietly(stdout, `${args[0]}'s stdout`) as Record<string, string>;
      expect(responseErrors(op, 200, "application/json", body)).toEqual([]);
      const issued = op.success?.body?.tokens ?? [];
      for (const token of issued) {
        expect(decodeToken(body[token.name] ?? "").claims.token_type).toBe(token.tokenType);
      }
      if (issued.length > 1)
        tokens = Object.fromEntries(issued.map((t) => [t.tokenType, body[t.name] ?? ""]));
    }
  });
});

/** The subcommand for `op`: plain fields as flags; secrets and the bearer token in the environment. */
function commandLine(op: OperationModel, tokens: Record<string, string>) {
  const args = [op.operationId.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase()];
  const env: Record<string, string> = {};
  for (const field of op.fields) {
    const value =
      (field.tokenType && tokens[field.tokenType]) || op.exampleFields[field.name] || "";
    if (field.secret) env[`KLEARSTACK_${field.name.toUpperCase()}`] = value;
    else args.push(`--${field.name.replaceAll("_", "-")}`, value);
  }
  if (op.bearer) env.KLEARSTACK_ACCESS_TOKEN = tokens.access ?? "";
  return { args, env };
}
