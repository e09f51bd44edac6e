// The lint gate is only worth having if it fails on the mistakes we care about. Each fixture is
// the real spec with one defect injected, linted by the real Redocly CLI with our redocly.yaml.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

async function lint(file: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(
      "redocly",
      ["lint", file, "--config", config, "--format=stylish"],
      { env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } },
    );
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
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

describe("redocly lint gate", () => {
  it("passes the real spec with no problems at all", async () => {
    const { code, output } = await lint(specPath);
    expect(output).toContain("Your API description is valid");
    expect(output).not.toMatch(/warning|error/i);
    expect(code).toBe(0);
  });

  it("passes the unseen-operation fixture spec with no problems: it is a spec a maintainer could write", async () => {
    const { code, output } = await lint(writeUnseenOperationSpec(fixtures));
    expect(output).toContain("Your API description is valid");
    expect(output).not.toMatch(/warning|error/i);
    expect(code).toBe(0);
  });

  it.each(brokenFixtures)("fails a spec with an %s (%s)", async (name, rule, inject) => {
    const { code, output } = await lint(fixture(name.replaceAll(" ", "-"), inject));
    expect(code).not.toBe(0);
    expect(output).toContain(rule);
  });
});
