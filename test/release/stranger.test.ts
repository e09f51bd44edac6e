// Issue 18's done-when: the packages as a stranger gets them. The release runs (--dry-run) in a
// throwaway copy of this repository, as in a fresh clone; its tarballs from dist/release/ are
// installed into an empty project outside the repository (third-party dependencies from the
// registry or npm's cache, never a workspace link). Then, with that one install: `npx
// klearstack-mock` serves the API, and `--spec FILE` another document; the installed library and
// `klearstack-token` get tokens from it; a strict TypeScript project type-checks against the
// installed client; the client bundled for the browser logs in from a Chromium page; and a Node
// outside the mock's engines gets one line, not a stack trace.
import { type ExecFileOptions, execFile, spawnSync } from "node:child_process";
import {
  cpSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { decodeToken } from "@klearstack/client";
import { loadApiModel, type OperationModel } from "@klearstack/spec";
import { UNSEEN_OPERATION_ID, writeUnseenOperationSpec } from "@klearstack/spec/fixtures";
import { commandName } from "@klearstack/spec/names";
import { openBrowser } from "@klearstack/test-support/chromium";
import { startLocalServer } from "@klearstack/test-support/server";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logins, model, operations } from "../../packages/client/test/support/fixtures.ts";
import {
  expectQuietly,
  parseQuietly,
} from "../../packages/client/test/support/secret-safe-assertions.ts";
import { PUBLISHED } from "../../packages/release/packages.ts";
import { responseErrors } from "../contract/support/response-errors.ts";
import { type InstalledMock, startInstalledMock } from "./support/installed-mock.ts";
import { copyRepository } from "./support/repo-copy.ts";

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const tsc = require.resolve("typescript/bin/tsc");
const fixture = fileURLToPath(new URL("../contract/fixtures/fresh-app/", import.meta.url));
/** Debian's Node, older than the mock's engines (the premise is checked below). */
const systemNode = "/usr/bin/node";

// npm run as a child of `npm test` inherits npm_* settings that would point it back at this
// monorepo: everything here runs with a clean environment, Node 24 first on PATH.
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
const env = { ...cleanEnv, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH}` };
/** PATH with the system's Node and nothing of this repository's. */
const systemEnv = { ...cleanEnv, PATH: "/usr/bin:/bin" };

/** Runs a command whose stdout may hold tokens: a failure names the exit code and stderr only. */
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

const tarballName = (name: string) => `${name.slice(1).replace("/", "-")}-${model.version}.tgz`;

let copy = "";
let app = "";
let releaseOutput = "";
let mock: InstalledMock | undefined;

beforeAll(async () => {
  copy = copyRepository();
  const release = spawnSync(process.execPath, ["packages/release/release.ts", "--dry-run"], {
    cwd: copy,
    env,
    encoding: "utf8",
  });
  if (release.status !== 0) {
    throw new Error(
      `npm run release -- --dry-run failed (exit ${release.status}):\n${release.stderr}`,
    );
  }
  releaseOutput = release.stdout;

  app = mkdtempSync(join(tmpdir(), "klearstack-stranger-"));
  cpSync(fixture, app, { recursive: true });
  const dependencies = Object.fromEntries(
    PUBLISHED.map(({ name }) => [name, `file:${join(copy, "dist/release", tarballName(name))}`]),
  );
  writeFileSync(
    join(app, "package.json"),
    JSON.stringify({ name: "stranger-app", private: true, type: "module", dependencies }),
  );
  await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--ignore-scripts"], {
    cwd: app,
    env,
  });
  mock = await startInstalledMock(app, ["--port", "0", "--no-watch"], env);
}, 600_000);

afterAll(async () => {
  await mock?.stop();
  for (const dir of [copy, app]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const mockUrl = () => {
  if (!mock) throw new Error("the installed mock did not start");
  return mock.url;
};

describe("npm run release -- --dry-run, in a fresh clone", () => {
  it("says it is the first release and that the gate is skipped", () => {
    expect(releaseOutput).toContain(
      `release: no release tag (v*) yet: first release, ${model.version}; breaking-change gate skipped\n`,
    );
  });

  it("writes one tarball per published package into dist/release/, at the spec's version", () => {
    expect(readdirSync(join(copy, "dist/release")).sort()).toEqual(
      PUBLISHED.map(({ name }) => tarballName(name)).sort(),
    );
  });

  it("writes the CHANGELOG.md section of the version, naming every operation, and no other tracked file", () => {
    const changelog = readFileSync(join(copy, "CHANGELOG.md"), "utf8");
    expect(
      changelog.match(new RegExp(`^## ${model.version.replaceAll(".", "\\.")}$`, "gm")),
    ).toHaveLength(1);
    for (const op of operations) expect(changelog).toContain(`\`${op.operationId}\``);
    const status = spawnSync("git", ["status", "--porcelain"], { cwd: copy, encoding: "utf8" });
    expect(status.stdout).toBe(" M CHANGELOG.md\n");
  });
});

describe("the tarballs installed in an empty project outside the repository", () => {
  it("are installed as packages, not links, and bring no @klearstack/spec", () => {
    const lock = JSON.parse(readFileSync(join(app, "package-lock.json"), "utf8")) as {
      packages: Record<string, { resolved?: string; link?: boolean; dependencies?: object }>;
    };
    for (const { name } of PUBLISHED) {
      const entry = lock.packages[`node_modules/${name}`];
      expect(entry?.resolved).toMatch(new RegExp(`^file:.*/dist/release/${tarballName(name)}$`));
      expect(entry?.link).toBeUndefined();
      expect(lstatSync(join(app, "node_modules", name)).isSymbolicLink()).toBe(false);
    }
    expect(Object.keys(lock.packages).filter((path) => path.includes("@klearstack/spec"))).toEqual(
      [],
    );
    // The mock's tarball carries everything it runs: installing it installs nothing else.
    expect(lock.packages["node_modules/@klearstack/mock"]?.dependencies).toBeUndefined();
  });

  it("npx klearstack-mock prints its ready line, and nothing on stderr before it", () => {
    expect(mockUrl()).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(mock?.stderrAtReady).toBe("");
  });

  it("the installed library gets tokens from the installed mock, for every call", async () => {
    // Every operation's typed example input; the example (a consumer's code) calls those it needs.
    const inputs = Object.fromEntries(operations.map((op) => [op.operationId, op.exampleInput]));
    const { stdout } = await runWithTokens(
      process.execPath,
      [join(app, "run.mjs"), mockUrl(), JSON.stringify(inputs)],
      { cwd: app, env },
    );
    const { answers, ...result } = parseQuietly(stdout, "run.mjs's stdout") as {
      answers: Record<string, unknown>;
    };
    // Each answer is of an operation of the spec (model.operation throws for any other).
    for (const [operationId, answer] of Object.entries(answers)) {
      const op = model.operation(operationId);
      expect(responseErrors(op, 200, "application/json", answer), operationId).toEqual([]);
    }
    expect(result).toMatchObject({
      tokenTypes: ["access", "refresh", "access"],
      sessionTokenIsAccess: true,
      unauthorizedStatus: 401,
      documentedErrorStatus: 500,
    });
  });

  it("the installed klearstack-token gets tokens from the installed mock, a subcommand per operation", async () => {
    const bin = join(app, "node_modules/.bin/klearstack-token");
    let tokens: Record<string, string> = {};
    // The logins first: their tokens feed every call that needs one.
    for (const op of [...logins, ...operations.filter((other) => !logins.includes(other))]) {
      const { args, env: secrets } = commandLine(op, tokens);
      const { stdout, stderr } = await runWithTokens(bin, args, {
        env: { ...env, ...secrets, KLEARSTACK_BASE_URL: mockUrl() },
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

  it("a strict TypeScript project type-checks against the installed client (no skipLibCheck), and refuses misuses", async () => {
    // One tsc run over both: the usage example compiles, and every @ts-expect-error in misuse.ts
    // is an error (tsc reports one that is not).
    writeFileSync(
      join(app, "tsconfig.both.json"),
      JSON.stringify({ extends: "./tsconfig.json", files: ["example.ts", "misuse.ts"] }),
    );
    const output = await run(process.execPath, [tsc, "-p", join(app, "tsconfig.both.json")]).then(
      () => "",
      (e: { stdout: string }) => e.stdout,
    );
    expect(output).toBe("");
  });

  it("the installed client, bundled for the browser by esbuild, logs in from a Chromium page against the installed mock", async () => {
    writeFileSync(
      join(app, "browser.mjs"),
      'import * as klearstack from "@klearstack/client";\nwindow.klearstack = klearstack;\n',
    );
    const bundle = await build({
      absWorkingDir: app,
      entryPoints: ["browser.mjs"],
      bundle: true,
      format: "esm",
      platform: "browser",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    // Everything in the bundle comes from the stranger's project, none from this repository.
    expect(Object.keys(bundle.metafile.inputs).filter((input) => input.startsWith(".."))).toEqual(
      [],
    );
    const script = bundle.outputFiles[0]?.text ?? "";
    const page = await startLocalServer((_req, res) => {
      res
        .writeHead(200, { "content-type": "text/html" })
        .end(
          `<!doctype html><script type="module">${script.replaceAll("</script", "<\\/script")}</script>`,
        );
    });
    const browser = await openBrowser();
    try {
      const tab = await browser.context.newPage();
      const pageErrors: string[] = [];
      tab.on("pageerror", (error) => pageErrors.push(error.message));
      await tab.goto(`${page.url}/`);
      await tab.waitForFunction(() => "klearstack" in window, undefined, { timeout: 60_000 });
      for (const op of logins) {
        const documented = op.success?.body?.tokens ?? [];
        // The page decodes the tokens itself: only their types leave it (or the error's message:
        // a thrown page error's stack names the page's URL, which vitest cannot map).
        const outcome = await tab.evaluate(
          async ({ baseUrl, operationId, fields, names }) => {
            const { createKlearStackClient, decodeToken } = (
              window as unknown as { klearstack: typeof import("@klearstack/client") }
            ).klearstack;
            const client = createKlearStackClient({ baseUrl }) as unknown as Record<
              string,
              (fields: Record<string, unknown>) => Promise<Record<string, string>>
            >;
            try {
              const answer = (await client[operationId]?.(fields)) ?? {};
              return names.map((name) => decodeToken(answer[name] ?? "").claims.token_type);
            } catch (error) {
              return `${(error as Error).name}: ${(error as Error).message}`;
            }
          },
          {
            baseUrl: mockUrl(),
            operationId: op.operationId,
            fields: op.exampleInput,
            names: documented.map((token) => token.name),
          },
        );
        expect(outcome, op.operationId).toEqual(documented.map((token) => token.tokenType));
      }
      expect(pageErrors).toEqual([]);
    } finally {
      await browser.close();
      await page.close();
    }
  });

  it("klearstack-mock --spec FILE serves that document: an operation the package's spec lacks", async () => {
    const other = await loadApiModel(writeUnseenOperationSpec(app));
    const op = other.operation(UNSEEN_OPERATION_ID);
    const send = (base: string) =>
      fetch(`${base}${op.path}`, {
        method: op.method.toUpperCase(),
        body: new URLSearchParams(op.exampleFields),
      });
    // Without the bearer token it asks for, the documented 401; the package's own spec has no
    // such path.
    const expected = op.bearer ? 401 : 200;
    const served = await startInstalledMock(
      app,
      ["--port", "0", "--no-watch", "--spec", join(app, "openapi.yaml")],
      env,
    );
    try {
      expect((await send(served.url)).status).toBe(expected);
    } finally {
      await served.stop();
    }
    expect((await send(mockUrl())).status).toBe(404);
  });
});

describe("a Node outside engines", () => {
  const systemVersion = spawnSync(systemNode, ["--version"], { encoding: "utf8" }).stdout.trim();
  const engines = (name: string) =>
    JSON.parse(readFileSync(join(app, "node_modules", name, "package.json"), "utf8")).engines
      .node as string;
  const older = (version: string, range: string) => {
    const have = version.replace(/^v/, "").split(".").map(Number);
    const want = range.replace(/^>=/, "").split(".").map(Number);
    const i = have.findIndex((part, j) => part !== want[j]);
    return i >= 0 && (have[i] ?? 0) < (want[i] ?? 0);
  };

  it("the installed klearstack-mock refuses it in one line, naming both versions, without a stack trace", () => {
    const range = engines("@klearstack/mock");
    expect(
      older(systemVersion, range),
      `${systemNode} (${systemVersion}) must be older than ${range} for this test: install Debian's nodejs`,
    ).toBe(true);
    const refused = spawnSync(join(app, "node_modules/.bin/klearstack-mock"), ["--port", "0"], {
      env: systemEnv,
      encoding: "utf8",
    });
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toBe(
      `klearstack-mock: @klearstack/mock needs Node ${range}, and this is Node ${systemVersion.slice(1)}. Install Node ${range.slice(2)} or later, then run it again.\n`,
    );
  });

  it("the installed klearstack-token runs on it when its own engines allow, and refuses it in one line when not", async () => {
    const range = engines("@klearstack/client");
    const [op] = logins;
    if (!op) throw new Error("the spec has no login");
    const { args, env: secrets } = commandLine(op, {});
    const bin = join(app, "node_modules/.bin/klearstack-token");
    const options = { env: { ...systemEnv, ...secrets, KLEARSTACK_BASE_URL: mockUrl() } };
    if (older(systemVersion, range)) {
      const refused = spawnSync(bin, args, { ...options, encoding: "utf8" });
      expect(refused.status).toBe(1);
      expect(refused.stderr).toBe(
        `klearstack-token: needs Node ${range}, and this is Node ${systemVersion.slice(1)}. Install Node ${range.slice(2)} or later, then run it again.\n`,
      );
    } else {
      const { stdout } = await runWithTokens(bin, args, options);
      const body = parseQuietly(stdout, `${args[0]}'s stdout`);
      expect(responseErrors(op, 200, "application/json", body)).toEqual([]);
    }
  });
});

/**
 * The subcommand for `op` with its typed example input (a token field holding the token of its
 * type): each field as its flag (a boolean a switch, an array a repeated flag; a file, read from
 * `@PATH`, is left to the client's CLI tests), secrets and the bearer token in their variables.
 */
function commandLine(op: OperationModel, tokens: Record<string, string>) {
  const args = [commandName(op.operationId)];
  const secrets: Record<string, string> = {};
  for (const field of op.fields) {
    const value = (field.tokenType && tokens[field.tokenType]) || op.exampleInput[field.name];
    if (value === undefined || field.kind === "file") continue;
    if (field.secret) secrets[field.envVar] = String(value);
    else if (field.kind === "boolean") args.push(...(value === true ? [`--${field.flag}`] : []));
    else for (const item of [value].flat()) args.push(`--${field.flag}`, String(item));
  }
  if (op.bearer) secrets[op.bearer.envVar] = tokens[op.bearerTokenType ?? ""] ?? "";
  return { args, env: secrets };
}
