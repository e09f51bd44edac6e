// The lint gate is only worth having if it fails on the mistakes we care about. Each fixture is
// the real spec with one defect injected, linted by the real Redocly CLI with our redocly.yaml. The
// real spec is linted as `npm run lint` does; the fixtures all in one more redocly process (it lints
// each file it is given on its own), which spares a CLI start per fixture.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { writeUnseenOperationSpec } from "../fixtures/index.ts";
import { loadSpec, type OpenApiDocument, specPath } from "../index.ts";

const run = promisify(execFile);
const config = new URL("../../redocly.yaml", import.meta.url).pathname;
const fixtures = mkdtempSync(join(tmpdir(), "klearstack-lint-"));
afterAll(() => rmSync(fixtures, { recursive: true, force: true }));
const op = (doc: OpenApiDocument) =>
  doc.paths["/access/klearstack/getaccesstokenfromuserid"]!.post!;

async function lint(
  files: string[],
  format: "stylish" | "json",
  cwd?: string,
): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(
      "redocly",
      ["lint", ...files, "--config", config, `--format=${format}`],
      {
        cwd,
        env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    return { code: 0, output: format === "json" ? stdout : stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: format === "json" ? e.stdout : e.stdout + e.stderr };
  }
}

function fixture(name: string, inject: (doc: OpenApiDocument) => void): string {
  const doc = loadSpec();
  inject(doc);
  const file = join(fixtures, `${name}.yaml`);
  writeFileSync(file, stringify(doc));
  return file;
}

const brokenFixtures: [string, string, (doc: OpenApiDocument) => void][] = [
  [
    "invalid example",
    "no-invalid-media-type-examples",
    (doc) => {
      const issued = (
        doc.components.responses as Record<
          string,
          { content: Record<string, { example: Record<string, unknown> }> }
        >
      ).TokenPairIssued!;
      issued.content["application/json"]!.example.access_token = 42;
    },
  ],
  [
    "dropped required",
    "rule/object-schemas-list-required",
    (doc) => {
      delete doc.components.schemas.UserIdLogin!.required;
    },
  ],
  [
    "response without example",
    "rule/response-media-has-example",
    (doc) => {
      delete op(doc).responses["500"]!.content!["text/plain"]!.examples;
    },
  ],
  [
    "unbounded string",
    "rule/string-schemas-bounded",
    (doc) => {
      delete doc.components.schemas.CompanyName!.minLength;
    },
  ],
  [
    "snake_case operationId",
    "rule/operation-id-camel-case",
    (doc) => {
      op(doc).operationId = "get_access_token_from_user_id";
    },
  ],
  [
    "operation without security",
    "rule/operation-description-defined",
    (doc) => {
      delete op(doc).security;
    },
  ],
];

interface Problem {
  ruleId: string;
  severity: string;
  location: { source: { ref: string } }[];
}

/** One redocly process over every file: each file's problems (JSON format), by its path. */
async function lintEach(
  files: string[],
): Promise<{ code: number; problems: Map<string, Problem[]> }> {
  const { code, output } = await lint(files, "json", fixtures);
  const problems = new Map(files.map((file) => [file, [] as Problem[]]));
  // One JSON report per file, written one after another.
  for (const report of output.split(/(?<=\})(?=\{\s*"totals")/)) {
    for (const problem of (JSON.parse(report) as { problems: Problem[] }).problems) {
      const file = resolve(fixtures, problem.location[0]?.source.ref ?? "");
      const known = problems.get(file);
      if (!known) throw new Error(`redocly reported a problem in ${file}, which it was not given`);
      known.push(problem);
    }
  }
  return { code, problems };
}

const unseenFixture = writeUnseenOperationSpec(fixtures);
const broken = brokenFixtures.map(([name, rule, inject]) => ({
  name,
  rule,
  file: fixture(name.replaceAll(" ", "-"), inject),
}));
let fixturesLinted: ReturnType<typeof lintEach> | undefined;
const lintedFixtures = () => {
  fixturesLinted ??= lintEach([unseenFixture, ...broken.map((b) => b.file)]);
  return fixturesLinted;
};

describe("redocly lint gate", () => {
  it("passes the real spec with no problems at all", async () => {
    const { code, output } = await lint([specPath], "stylish");
    expect(output).toContain("Your API description is valid");
    expect(output).not.toMatch(/warning|error/i);
    expect(code).toBe(0);
  });

  it("passes the unseen-operation fixture spec with no problems: it is a spec a maintainer could write", async () => {
    const { problems } = await lintedFixtures();
    expect(problems.get(unseenFixture)).toEqual([]);
  });

  it.each(broken)("fails a spec with an $name ($rule)", async ({ rule, file }) => {
    const { code, problems } = await lintedFixtures();
    expect(code).not.toBe(0);
    const errors = (problems.get(file) ?? []).filter((p) => p.severity === "error");
    expect(errors.map((p) => p.ruleId)).toContain(rule);
  });
});
