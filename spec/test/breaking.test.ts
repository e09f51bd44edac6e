// The breaking-change gate is worth having only if it names the edits that break users, stays
// quiet (below "breaking") on the ones that do not, and asks for the right version. Each row edits
// a parsed copy of the real spec in memory, as a maintainer would, and is judged in-process; one
// test at the end drives the CLI against a throwaway git repository.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import {
  type Bump,
  cliCommandOf,
  cliVariableOf,
  compareDocuments,
  type Finding,
  gate,
  gateModels,
  judge,
  type Level,
  nextVersion,
  renderHuman,
  renderMarkdown,
  rules,
} from "../breaking/index.ts";
import { unseenOperationDocument } from "../fixtures/index.ts";
import {
  type ApiModel,
  type JsonSchema,
  loadApiModel,
  loadSpec,
  type OpenApiDocument,
  type Operation,
} from "../index.ts";

type Edit = (doc: OpenApiDocument) => void;

// --- where the edits land: components by name, operations through the model ---------------------
const schema = (doc: OpenApiDocument, name: string): JsonSchema => {
  const found = doc.components.schemas[name];
  if (!found) throw new Error(`the spec has no components/schemas/${name}: update this table`);
  return found;
};
const props = (doc: OpenApiDocument, name: string) =>
  schema(doc, name).properties as Record<string, JsonSchema>;
const required = (doc: OpenApiDocument, name: string) => schema(doc, name).required as string[];
/** The bearer scheme's name, from the model (the first operation that needs one). */
const bearerName = () => {
  const name = model.operations.find((o) => o.bearer)?.bearer?.name;
  if (!name) throw new Error("the spec has no bearer-protected operation");
  return name;
};
const scheme = (doc: OpenApiDocument) => {
  const schemes = doc.components.securitySchemes as Record<string, JsonSchema>;
  return schemes[bearerName()] as JsonSchema;
};
/** Renames a security scheme and every requirement naming it: the document's and each operation's. */
const renameScheme = (doc: OpenApiDocument, from: string, to: string) => {
  const schemes = doc.components.securitySchemes as Record<string, unknown>;
  schemes[to] = schemes[from];
  delete schemes[from];
  const operations = Object.values(doc.paths).flatMap((item) => Object.values(item ?? {}));
  for (const holder of [doc, ...operations] as { security?: Record<string, string[]>[] }[]) {
    for (const requirement of holder.security ?? []) {
      if (!(from in requirement)) continue;
      requirement[to] = requirement[from]!;
      delete requirement[from];
    }
  }
};

let model: ApiModel;
let baseModel: ApiModel;
beforeAll(async () => {
  model = await loadApiModel();
  baseModel = model;
});
/** The operation as written, found through the model: one that needs a bearer token, one that
 * does not, one with a required field (never assuming which operations exist or in what order). */
const pick = (doc: OpenApiDocument, which: "bearer" | "open"): Operation => {
  const op = model.operations.find((o) => (which === "bearer") === (o.bearer !== undefined));
  if (!op) throw new Error(`the spec has no ${which} operation`);
  return doc.paths[op.path]?.[op.method] as Operation;
};
const anyOp = (doc: OpenApiDocument) => pick(doc, "open");
const addOptional = (doc: OpenApiDocument, name: string, field: JsonSchema) => {
  props(doc, "UserIdLogin")[name] = { description: "An option.", ...field };
};

// --- the table: [edit, rule that must name it, its level, base edit (optional)] ------------------
type Row = [name: string, rule: string, level: Level, head: Edit, base?: Edit];
const ttl = (doc: OpenApiDocument) =>
  addOptional(doc, "ttl", { type: "integer", minimum: 60, maximum: 3600 });
const scope = (doc: OpenApiDocument) =>
  addOptional(doc, "scope", { type: "string", enum: ["read", "write"] });
const kind = (doc: OpenApiDocument) => {
  props(doc, "TokenPair").kind = { type: "string", enum: ["bearer"], description: "Kind." };
  required(doc, "TokenPair").push("kind");
};
const asApiKey = (name: string) => (doc: OpenApiDocument) => {
  const s = scheme(doc);
  for (const key of ["scheme", "bearerFormat"]) delete s[key];
  Object.assign(s, { type: "apiKey", in: "header", name });
};

const table: Row[] = [
  // request
  [
    "a new required request field",
    "request-field-added-required",
    "breaking",
    (doc) => {
      addOptional(doc, "locale", { type: "string", minLength: 2 });
      required(doc, "UserIdLogin").push("locale");
    },
  ],
  [
    "an optional request field made required",
    "request-field-became-required",
    "breaking",
    (doc) => {
      addOptional(doc, "locale", { type: "string", minLength: 2 });
      required(doc, "UserIdLogin").push("locale");
    },
    (doc) => addOptional(doc, "locale", { type: "string", minLength: 2 }),
  ],
  [
    "a request field's type changed",
    "request-field-type-changed",
    "breaking",
    (doc) => Object.assign(schema(doc, "UserId"), { type: "integer", minimum: 1 }),
  ],
  [
    "a request field's maxLength lowered",
    "request-field-max-length-decreased",
    "breaking",
    (doc) => Object.assign(schema(doc, "Password"), { maxLength: 64 }),
  ],
  [
    "a request field's minLength raised",
    "request-field-min-length-increased",
    "breaking",
    (doc) => Object.assign(schema(doc, "Username"), { minLength: 3 }),
  ],
  [
    "a request field's minimum raised",
    "request-field-minimum-increased",
    "breaking",
    (doc) => {
      ttl(doc);
      props(doc, "UserIdLogin").ttl!.minimum = 120;
    },
    ttl,
  ],
  [
    "a request field's maximum lowered",
    "request-field-maximum-decreased",
    "breaking",
    (doc) => {
      ttl(doc);
      props(doc, "UserIdLogin").ttl!.maximum = 600;
    },
    ttl,
  ],
  [
    "a pattern added to a request field",
    "request-field-pattern-added",
    "breaking",
    (doc) => Object.assign(schema(doc, "CompanyName"), { pattern: "^[A-Za-z ]+$" }),
  ],
  [
    "a request field's pattern changed",
    "request-field-pattern-changed",
    "breaking",
    (doc) => Object.assign(schema(doc, "Jwt"), { pattern: "^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$" }),
  ],
  [
    "a format added to a request field",
    "request-field-format-added",
    "breaking",
    (doc) => Object.assign(schema(doc, "UserId"), { format: "uuid" }),
  ],
  [
    "a request field's format changed",
    "request-field-format-changed",
    "breaking",
    (doc) => Object.assign(schema(doc, "Password"), { format: "byte" }),
  ],
  [
    "an enum value removed from a request field",
    "request-field-enum-value-removed",
    "breaking",
    (doc) => {
      scope(doc);
      props(doc, "UserIdLogin").scope!.enum = ["read"];
    },
    scope,
  ],
  [
    "a request media type removed",
    "request-media-type-removed",
    "breaking",
    (doc) => {
      delete anyOp(doc).requestBody?.content["multipart/form-data"];
    },
  ],
  [
    "the request body made required",
    "request-body-became-required",
    "breaking",
    (doc) => Object.assign(anyOp(doc).requestBody ?? {}, { required: true }),
    (doc) => Object.assign(anyOp(doc).requestBody ?? {}, { required: false }),
  ],
  [
    "a request field removed",
    "request-field-removed",
    "breaking",
    (doc) => {
      delete props(doc, "PasswordLogin").company_name;
      schema(doc, "PasswordLogin").required = ["username", "password"];
    },
  ],
  [
    "a request field turned secret (the CLI flag becomes a variable)",
    "request-field-became-secret",
    "breaking",
    (doc) => Object.assign(schema(doc, "Username"), { writeOnly: true }),
  ],
  [
    "a request token field that takes another token type",
    "request-field-token-type-changed",
    "breaking",
    (doc) => {
      props(doc, "RefreshTokenGrant").refresh_token = { $ref: "#/components/schemas/AccessToken" };
    },
  ],
  // response
  [
    "a response field removed",
    "response-field-removed",
    "breaking",
    (doc) => {
      delete props(doc, "TokenPair").release_version;
      schema(doc, "TokenPair").required = ["refresh_token", "access_token"];
    },
  ],
  [
    "a required response field made optional",
    "response-field-became-optional",
    "breaking",
    (doc) => {
      schema(doc, "TokenPair").required = ["refresh_token", "access_token"];
    },
  ],
  [
    "a response field's type changed",
    "response-field-type-changed",
    "breaking",
    (doc) => {
      props(doc, "TokenPair").release_version = { type: "integer", minimum: 1 };
    },
  ],
  [
    "an enum value added to a response field",
    "response-field-enum-value-added",
    "breaking",
    (doc) => {
      kind(doc);
      props(doc, "TokenPair").kind!.enum = ["bearer", "mac"];
    },
    kind,
  ],
  [
    "a response status removed",
    "response-status-removed",
    "breaking",
    (doc) => {
      delete anyOp(doc).responses["500"];
    },
  ],
  [
    "a response media type replaced",
    "response-media-type-removed",
    "breaking",
    (doc) => {
      const content = anyOp(doc).responses["500"]?.content ?? {};
      content["application/problem+json"] = content["text/plain"] as never;
      delete content["text/plain"];
    },
  ],
  [
    "a response token of another type",
    "response-token-type-changed",
    "breaking",
    (doc) => {
      props(doc, "TokenPair").access_token = { $ref: "#/components/schemas/RefreshToken" };
    },
  ],
  // operation
  [
    "an operation removed",
    "operation-removed",
    "breaking",
    (doc) => {
      const op = model.operations[0]!;
      delete doc.paths[op.path]?.[op.method];
    },
  ],
  [
    "an operation's path changed",
    "operation-path-changed",
    "breaking",
    (doc) => {
      const op = model.operations[0]!;
      doc.paths[`${op.path}-v2`] = doc.paths[op.path]!;
      delete doc.paths[op.path];
    },
  ],
  [
    "an operation's method changed",
    "operation-method-changed",
    "breaking",
    (doc) => {
      const op = model.operations[0]!;
      const item = doc.paths[op.path]!;
      item[op.method === "put" ? "post" : "put"] = item[op.method]!;
      delete item[op.method];
    },
  ],
  [
    "an operationId renamed",
    "operation-id-changed",
    "breaking",
    (doc) => {
      anyOp(doc).operationId = "logIn";
    },
  ],
  // security
  [
    "a security requirement added to a login",
    "security-requirement-added",
    "breaking",
    (doc) => {
      anyOp(doc).security = [{ [bearerName()]: [] }];
    },
  ],
  [
    "a bearer operation switched to another scheme",
    "security-requirement-changed",
    "breaking",
    (doc) => {
      (doc.components.securitySchemes as Record<string, unknown>).apiKey = {
        type: "apiKey",
        in: "header",
        name: "X-Api-Key",
        description: "An API key.",
      };
      pick(doc, "bearer").security = [{ apiKey: [] }];
    },
  ],
  [
    "the bearer scheme changed to an API-key header",
    "security-scheme-type-changed",
    "breaking",
    asApiKey("X-Api-Key"),
  ],
  [
    "the http scheme changed from bearer to basic",
    "security-scheme-http-scheme-changed",
    "breaking",
    (doc) => Object.assign(scheme(doc), { scheme: "basic" }),
  ],
  [
    "an API-key header renamed",
    "security-scheme-location-changed",
    "breaking",
    asApiKey("X-Token"),
    asApiKey("X-Api-Key"),
  ],
  [
    "the bearer format changed",
    "security-scheme-bearer-format-changed",
    "breaking",
    (doc) => Object.assign(scheme(doc), { bearerFormat: "opaque" }),
  ],
  [
    "the token type the bearer scheme takes (x-token-type) changed",
    "security-token-type-changed",
    "breaking",
    (doc) => Object.assign(scheme(doc), { "x-token-type": "refresh" }),
  ],
  [
    "an access token's lifetime shortened",
    "token-lifetime-shortened",
    "warning",
    (doc) => {
      (schema(doc, "AccessToken")["x-token-lifetime"] as JsonSchema).default = 300;
    },
  ],
  [
    "a security requirement removed",
    "security-requirement-removed",
    "warning",
    (doc) => {
      pick(doc, "bearer").security = [];
    },
  ],
  // additions: no false alarm, a minor bump
  [
    "an optional request field added",
    "request-field-added-optional",
    "addition",
    (doc) => addOptional(doc, "locale", { type: "string", minLength: 2 }),
  ],
  [
    "a response field added",
    "response-field-added",
    "addition",
    (doc) => {
      props(doc, "TokenPair").expires_in = { type: "integer", minimum: 1, description: "s" };
    },
  ],
  [
    "a response status added",
    "response-status-added",
    "addition",
    (doc) => {
      anyOp(doc).responses["429"] = { description: "Too many requests." };
    },
  ],
  [
    "a request media type added",
    "request-media-type-added",
    "addition",
    (doc) => {
      const content = anyOp(doc).requestBody?.content ?? {};
      content["application/json"] = content["multipart/form-data"]!;
    },
  ],
  [
    "a response media type added",
    "response-media-type-added",
    "addition",
    (doc) => {
      const content = anyOp(doc).responses["500"]?.content ?? {};
      content["application/json"] = { schema: { type: "object", required: [] }, example: {} };
    },
  ],
  [
    "an operation added (the unseen-operation fixture)",
    "operation-added",
    "addition",
    (doc) => Object.assign(doc, unseenOperationDocument()),
  ],
  // patch-level: no false alarm
  [
    "an operation's description reworded",
    "description-changed",
    "patch",
    (doc) => {
      anyOp(doc).description = "Logs a user in.";
    },
  ],
  [
    "a request field's description reworded",
    "description-changed",
    "patch",
    (doc) => Object.assign(schema(doc, "UserId"), { description: "The user's id." }),
  ],
  [
    "an operation's summary reworded",
    "operation-summary-changed",
    "patch",
    (doc) => {
      anyOp(doc).summary = "Log in";
    },
  ],
  [
    "a response example edited",
    "example-changed",
    "patch",
    (doc) => {
      const responses = doc.components.responses as Record<string, JsonSchema>;
      const content = responses.TokenPairIssued?.content as Record<string, JsonSchema>;
      (content["application/json"]?.example as JsonSchema).release_version = "7.8.10";
    },
  ],
  [
    "a request field's maxLength raised",
    "request-field-constraint-loosened",
    "patch",
    (doc) => Object.assign(schema(doc, "Password"), { maxLength: 4096 }),
  ],
  [
    "a request field's minLength dropped",
    "request-field-constraint-loosened",
    "patch",
    (doc) => {
      delete schema(doc, "Username").minLength;
    },
  ],
  [
    "an enum value added to a request field",
    "request-field-constraint-loosened",
    "patch",
    (doc) => {
      scope(doc);
      props(doc, "UserIdLogin").scope!.enum = ["read", "write", "admin"];
    },
    scope,
  ],
  [
    "the API's description reworded",
    "document-changed",
    "patch",
    (doc) => {
      (doc.info as JsonSchema).description = "KlearStack's token API.";
    },
  ],
  [
    "a security scheme renamed, same definition",
    "document-changed",
    "patch",
    (doc) => renameScheme(doc, bearerName(), "accessJwt"),
  ],
];

const bumpOf: Record<Level, Bump> = {
  breaking: "major",
  warning: "patch",
  addition: "minor",
  patch: "patch",
};
const below: Record<Bump, Bump> = { major: "minor", minor: "patch", patch: "none", none: "none" };

async function judged(head: Edit, base?: Edit) {
  const [b, h] = [loadSpec(), loadSpec()];
  base?.(b);
  head(h); // a row's head edit includes its base edit

  const before = base ? await loadApiModel({ document: b as never }) : baseModel;
  return gateModels(before, await loadApiModel({ document: h as never }), "HEAD");
}

describe("the gate's rules, on edits of the real spec", () => {
  it("has at least 30 edits and every rule is named by one", () => {
    expect(table.length).toBeGreaterThanOrEqual(30);
    const named = new Set(table.map(([, rule]) => rule));
    expect(rules.map((r) => r.id).filter((id) => !named.has(id))).toEqual([]);
  });

  it.each(table)("%s → %s (%s)", async (_name, rule, level, head, base) => {
    const result = await judged(head, base);
    const hit = result.findings.find((f) => f.rule === rule);
    expect(hit, JSON.stringify(result.findings, null, 2)).toMatchObject({ rule, level });
    // The edit needs exactly its level's bump: nothing at a higher level (no false alarm).
    expect(result.requiredBump).toBe(bumpOf[level]);
    // The exit decision: the version untouched fails and names the version to use; the right
    // bump passes and still lists the findings; one bump short fails.
    const version = result.base.version;
    const right = nextVersion(version, bumpOf[level]);
    expect(result).toMatchObject({ ok: false, suggestedVersion: right });
    expect(judge(result.findings, version, right)).toMatchObject({
      ok: true,
      findings: hit ? result.findings : [],
    });
    if (level !== "patch" && level !== "warning") {
      const short = nextVersion(version, below[bumpOf[level]]);
      expect(judge(result.findings, version, short)).toMatchObject({
        ok: false,
        suggestedVersion: right,
      });
    }
    // Each finding says where, what, and what it changes for users.
    for (const f of result.findings) {
      expect(f.where.length * f.message.length, JSON.stringify(f)).toBeGreaterThan(0);
      expect(f.affects.length, JSON.stringify(f)).toBeGreaterThan(0);
    }
    expect(renderHuman(result)).toContain(`[${rule}]`);
    expect(renderMarkdown(result)).toContain(`rule \`${rule}\``);
  });

  it("an added operation (the unseen fixture) is an addition and nothing else", async () => {
    const findings = await compareDocuments(loadSpec(), unseenOperationDocument());
    expect(new Set(findings.map((f) => `${f.rule} ${f.level}`))).toEqual(
      new Set(["operation-added addition"]),
    );
  });

  it("an unchanged spec has no finding and needs no bump", async () => {
    const result = await gate(loadSpec(), loadSpec(), "HEAD");
    expect(result).toMatchObject({ findings: [], requiredBump: "none", ok: true });
    expect(result.suggestedVersion).toBe(result.head.version);
  });

  it("names what a finding breaks: client method, CLI subcommand and flag or variable, Postman, mock", async () => {
    const { findings } = await judged((doc) => {
      Object.assign(schema(doc, "Password"), { maxLength: 64 });
      Object.assign(schema(doc, "Username"), { maxLength: 64 });
    });
    const byField = (name: string) =>
      findings.find((f: Finding) => f.where.endsWith(`request field ${name}`))?.affects ?? [];
    const op = model.operations.find((o) => o.fields.some((f) => f.name === "password"))!;
    const command = cliCommandOf(op.operationId);
    expect(byField("username")).toEqual(
      expect.arrayContaining([
        `client method ${op.operationId} (input type)`,
        `CLI flag --username of ${command}`,
      ]),
    );
    expect(byField("password")).toContain(
      `CLI subcommand ${command}: ${cliVariableOf("password")} (or --password-stdin)`,
    );
    const { findings: security } = await judged(asApiKey("X-Api-Key"));
    expect(security[0]?.affects.join("\n")).toMatch(
      /KLEARSTACK_ACCESS_TOKEN[\s\S]*Postman request[\s\S]*mock: /,
    );
  });

  it("refuses an info.version that is not semver", () => {
    expect(() => judge([], "1.1", "1.2.0")).toThrow(/not a semantic version/);
  });

  it("the README's table lists every rule with its level", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const rows = [...readme.matchAll(/^\| `([a-z-]+)` \| (breaking|warning|addition|patch) \|/gm)];
    const listed = rows.map(([, id, level]) => `${id} ${level}`).sort();
    const registered = [...rules.map((r) => `${r.id} ${r.level}`), "document-changed patch"];
    expect(listed).toEqual(registered.sort());
  });
});

describe("npm run spec:breaking against a git repository", () => {
  const run = promisify(execFile);
  const script = new URL("../scripts/breaking.ts", import.meta.url).pathname;
  const env = { ...process.env, GIT_DIR: undefined, GIT_WORK_TREE: undefined, FORCE_COLOR: "0" };
  async function cli(...args: string[]) {
    try {
      const { stdout } = await run(process.execPath, [script, ...args], { env });
      return { code: 0, stdout };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: `${e.stdout}${e.stderr}` };
    }
  }

  it("exits 0 when the bump is enough, 1 when it is not (naming the version), 2 on a bad ref", async () => {
    const repo = mkdtempSync(join(tmpdir(), "klearstack-breaking-repo-"));
    try {
      const git = (...args: string[]) =>
        run(
          "git",
          [
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.invalid",
            "-c",
            "commit.gpgsign=false",
            ...args,
          ],
          { cwd: repo, env },
        );
      const spec = (dir: string) => join(repo, dir, "openapi.yaml");
      const write = (dir: string, edit: Edit) => {
        const doc = loadSpec();
        edit(doc);
        mkdirSync(join(repo, dir), { recursive: true });
        writeFileSync(spec(dir), stringify(doc));
      };
      await git("init", "-q");
      for (const dir of ["broken", "major"]) write(dir, () => {});
      await git("add", ".");
      await git("commit", "-q", "-m", "the spec");
      const dropStatus: Edit = (doc) => {
        delete anyOp(doc).responses["500"];
      };
      write("broken", dropStatus);
      write("major", (doc) => {
        dropStatus(doc);
        (doc.info as JsonSchema).version = nextVersion(model.version, "major");
      });
      write("new", () => {}); // never committed: absent at HEAD

      // One process per exit code and output format (the human output is tested in-process).
      const [broken, major, fresh, badRef] = await Promise.all([
        cli("--base", "HEAD", "--spec", spec("broken"), "--json"),
        cli("--base", "HEAD", "--spec", spec("major"), "--markdown"),
        cli("--base", "HEAD", "--spec", spec("new"), "--json"),
        cli("--base", "no-such-ref", "--spec", spec("major")),
      ]);
      expect(broken.code, broken.stdout).toBe(1);
      const result = JSON.parse(broken.stdout);
      expect(result).toMatchObject({
        base: { ref: "HEAD", version: model.version },
        head: { version: model.version },
        requiredBump: "major",
        actualBump: "none",
        ok: false,
        suggestedVersion: nextVersion(model.version, "major"),
      });
      expect(result.findings.map((f: Finding) => f.rule)).toContain("response-status-removed");

      expect(major.code, major.stdout).toBe(0);
      expect(major.stdout).toMatch(
        new RegExp(
          `^## ${nextVersion(model.version, "major")}\n\n### Breaking\n\n- .*response-status-removed`,
        ),
      );

      expect(fresh.code, fresh.stdout).toBe(0);
      expect(JSON.parse(fresh.stdout)).toMatchObject({
        base: { version: "0.0.0" },
        findings: [],
        requiredBump: "none",
        ok: true,
      });

      expect(badRef.code).toBe(2);
      expect(badRef.stdout).toContain('unknown git ref "no-such-ref"');
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});
