// The breaking-change gate is only worth having if it fails on edits that break clients and stays
// quiet on edits that do not. Each fixture pair is the real spec and a mutated copy, compared by
// the real Optic CLI plus our media-type check; the last block drives `breaking.ts` against git.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { type JsonSchema, loadSpec, type OpenApiDocument } from "../index.ts";
import { compareSpecFiles } from "../scripts/breaking-compare.ts";

type Edit = (doc: OpenApiDocument) => void;

const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), "klearstack-breaking-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const op = (doc: OpenApiDocument) =>
  doc.paths["/access/klearstack/getaccesstokenfromuserid"]!.post!;
const schema = (doc: OpenApiDocument, name: string) => doc.components.schemas[name]!;
const props = (doc: OpenApiDocument, name: string) =>
  schema(doc, name).properties as Record<string, JsonSchema>;

const addOptionalLocale: Edit = (doc) => {
  props(doc, "UserIdLogin").locale = { type: "string", minLength: 2, description: "UI language." };
};
const dropFromRequired = (doc: OpenApiDocument, name: string, field: string) => {
  schema(doc, name).required = (schema(doc, name).required as string[]).filter((f) => f !== field);
};

let pairs = 0;
async function compare(editBase: Edit, editHead: Edit) {
  const dir = join(scratch, `pair-${++pairs}`);
  mkdirSync(dir);
  const [base, head] = [loadSpec(), loadSpec()];
  editBase(base);
  editHead(head);
  writeFileSync(join(dir, "base.yaml"), stringify(base));
  writeFileSync(join(dir, "head.yaml"), stringify(head));
  return compareSpecFiles(join(dir, "base.yaml"), join(dir, "head.yaml"), dir);
}

const unchanged: Edit = () => {};

// [edit, the rule that must name it, base edit (defaults to none), head edit]
const breaking: [string, string, Edit, Edit][] = [
  [
    "an optional request field made required",
    "prevent changing request property to required",
    addOptionalLocale,
    (doc) => {
      addOptionalLocale(doc);
      (schema(doc, "UserIdLogin").required as string[]).push("locale");
    },
  ],
  [
    "a response field removed",
    "prevent removing response property",
    unchanged,
    (doc) => {
      delete props(doc, "TokenPair").release_version;
      dropFromRequired(doc, "TokenPair", "release_version");
    },
  ],
  [
    "a required response field made optional",
    "prevent making response property optional",
    unchanged,
    (doc) => dropFromRequired(doc, "TokenPair", "release_version"),
  ],
  [
    "a request media type removed",
    "[media type removed] POST /access/klearstack/getaccesstokenfromuserid: request body multipart/form-data",
    unchanged,
    (doc) => {
      delete op(doc).requestBody!.content["multipart/form-data"];
    },
  ],
  [
    "a response media type replaced",
    "[media type removed] POST /access/klearstack/getaccesstokenfromuserid: response 500 text/plain",
    unchanged,
    (doc) => {
      const content = op(doc).responses["500"]!.content!;
      content["application/problem+json"] = content["text/plain"]!;
      delete content["text/plain"];
    },
  ],
  [
    "a response removed",
    "prevent response status code removal",
    unchanged,
    (doc) => {
      delete op(doc).responses["500"];
    },
  ],
  [
    "a response field's type changed",
    "prevent response property type changes",
    unchanged,
    (doc) => {
      props(doc, "TokenPair").release_version = { type: "integer", minimum: 1 };
    },
  ],
  [
    // Optic's default would wave this through; a break breaks clients whatever the version says.
    "a response removed together with a major version bump",
    "prevent response status code removal",
    unchanged,
    (doc) => {
      delete op(doc).responses["500"];
      (doc.info as { version: string }).version = "2.0.0";
    },
  ],
  [
    // Our --standard must win: Optic would otherwise try to download the spec's own standard and,
    // failing that (offline), check nothing at all.
    "a response removed by a spec naming its own x-optic-standard",
    "prevent response status code removal",
    unchanged,
    (doc) => {
      delete op(doc).responses["500"];
      doc["x-optic-standard"] = "https://klearstack.invalid/standard.yml";
    },
  ],
  [
    "a request field's type changed",
    "prevent request property type changes",
    unchanged,
    (doc) => {
      props(doc, "UserIdLogin").user_id = { type: "integer", minimum: 1 };
    },
  ],
];

const safe: [string, Edit][] = [
  ["nothing changed", unchanged],
  ["an optional request field added", addOptionalLocale],
  [
    "descriptions edited",
    (doc) => {
      op(doc).description = "Issues a token pair.";
      props(doc, "UserIdLogin").user_id!.description = "The user's id, as KlearStack knows it.";
    },
  ],
  [
    "a response field added",
    (doc) => {
      props(doc, "TokenPair").expires_in = { type: "integer", minimum: 1 };
    },
  ],
];

describe("breaking-change comparison of two spec files", () => {
  it.concurrent.each(breaking)(
    "%s is breaking (%s)",
    async (_name, rule, editBase, editHead) => {
      const result = await compare(editBase, editHead);
      expect(result.breaking).toBe(true);
      expect(result.problems.join("\n")).toContain(rule);
    },
    120_000,
  );

  it.concurrent.each(safe)(
    "%s is not breaking",
    async (_name, editHead) => {
      const result = await compare(unchanged, editHead);
      expect(result.problems).toEqual([]);
      expect(result.breaking).toBe(false);
    },
    120_000,
  );
});

describe("npm run spec:breaking -- --base <git-ref>", () => {
  // A throwaway git repository holding one committed spec, edited in its working tree.
  const repo = mkdtempSync(join(tmpdir(), "klearstack-breaking-repo-"));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));
  const specFile = join(repo, "spec", "openapi.yaml");
  const git = (...args: string[]) =>
    run(
      "git",
      [
        "-c",
        "user.name=test",
        "-c",
        "user.email=test@example.invalid",
        "-c",
        "commit.gpgsign=false",
        ...args,
      ],
      {
        cwd: repo,
      },
    );
  const script = new URL("../scripts/breaking.ts", import.meta.url).pathname;
  async function gate(...args: string[]) {
    try {
      // CI=true on purpose: Optic would then write ci-run-details.json; the gate must prevent it.
      const { stdout, stderr } = await run(
        process.execPath,
        [script, ...args, "--spec", specFile],
        {
          env: { ...process.env, CI: "true" },
        },
      );
      return { code: 0, output: stdout + stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, output: e.stdout + e.stderr };
    }
  }
  const writeSpec = (edit: Edit) => {
    const doc = loadSpec();
    edit(doc);
    writeFileSync(specFile, stringify(doc));
  };

  it("passes when the working tree matches the base, and lists each break when not", async () => {
    mkdirSync(join(repo, "spec"));
    writeSpec(unchanged);
    await git("init", "--quiet");
    await git("add", ".");
    await git("commit", "--quiet", "-m", "base spec");

    const same = await gate("--base", "HEAD");
    expect(same.output).toContain("No breaking change against HEAD");
    expect(same.code).toBe(0);

    writeSpec((doc) => {
      delete op(doc).responses["500"];
      delete op(doc).requestBody!.content["multipart/form-data"];
    });
    const broken = await gate("--base", "HEAD");
    expect(broken.code).toBe(1);
    expect(broken.output).toContain("2 breaking change(s) against HEAD:");
    expect(broken.output).toMatch(/ {2}- \[prevent response status code removal\] .*500/);
    expect(broken.output).toMatch(/ {2}- \[media type removed\] .*multipart\/form-data/);
    // Files are named as the reader knows them, not by the gate's scratch paths.
    expect(broken.output).toContain("HEAD:spec/openapi.yaml");
    expect(broken.output).not.toContain("/tmp/breaking-");
  }, 120_000);

  it("leaves nothing behind: no scratch files, no Optic CI file, git status untouched", async () => {
    expect(readdirSync(join(repo, "tmp"))).toEqual([]);
    expect(existsSync(join(repo, "ci-run-details.json"))).toBe(false);
    expect(existsSync(join(repo, "spec", "ci-run-details.json"))).toBe(false);
    const { stdout } = await git("status", "--porcelain", "--untracked-files=all");
    expect(stdout.split("\n").filter(Boolean)).toEqual([" M spec/openapi.yaml"]);
  });

  // Relative --spec paths name a file from where the command was typed. Under turbo that is
  // TURBO_INVOCATION_DIR (the inner npm resets INIT_CWD to spec/); under plain npm, INIT_CWD.
  async function gateFrom(where: Record<string, string>, specArg: string) {
    const env = { ...process.env, ...where };
    for (const name of ["TURBO_INVOCATION_DIR", "INIT_CWD"]) if (!(name in where)) delete env[name];
    try {
      const { stdout, stderr } = await run(
        process.execPath,
        [script, "--base", "HEAD", "--spec", specArg],
        { cwd: tmpdir(), env },
      );
      return { code: 0, output: stdout + stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, output: e.stdout + e.stderr };
    }
  }

  it("resolves a relative --spec against where the command was typed, not the script's folder", async () => {
    const specDir = join(repo, "spec");
    const invocations: Record<string, string>[] = [
      { TURBO_INVOCATION_DIR: repo, INIT_CWD: specDir },
      { INIT_CWD: repo },
    ];
    for (const where of invocations) {
      const found = await gateFrom(where, "spec/openapi.yaml");
      expect(found.output, JSON.stringify(where)).toContain("Comparing spec/openapi.yaml at HEAD");
      expect(found.code, JSON.stringify(where)).toBe(1);
    }
    const missing = await gateFrom({ INIT_CWD: specDir }, "spec/openapi.yaml");
    expect(missing.code).toBe(2);
    expect(missing.output).toContain(`no spec at ${join(specDir, "spec", "openapi.yaml")}`);
  }, 120_000);

  it("refuses an unknown ref or a missing --base with exit code 2", async () => {
    const unknown = await gate("--base", "no-such-branch");
    expect(unknown.code).toBe(2);
    expect(unknown.output).toContain('unknown git ref "no-such-branch"');
    const missing = await gate();
    expect(missing.code).toBe(2);
    expect(missing.output).toContain("usage: npm run spec:breaking -- --base <git-ref>");
  });
});
