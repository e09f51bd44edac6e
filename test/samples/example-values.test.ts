// Any example value reaches every sample exactly, as data, never as code. The property: for random
// strings (any code point but NUL, which no shell argument can carry; plus strings built from the
// characters that end or escape literals), put in as the example of every free-text field of an
// operation of the model (a string with no enum, format or pattern; every other field keeps its
// example), every sample still parses in its language and carries the value:
// JavaScript and TypeScript by TypeScript's parser (the literal's text), Python by one python3
// process for all of them (ast: a str constant equal to the value), shell by one bash process that
// runs every curl sample with `curl` replaced by a function printing its arguments (the argument
// holds the value), Java by one javac over all of them. Then four awkward fixed strings go to the
// real mock through every sample, run as a reader runs it, and each arrives exactly.
import { execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { type CodeSample, codeSamplesFor, sampleSecrets } from "@klearstack/docs";
import { useMock } from "@klearstack/mock/testing";
import { loadApiModel, type OperationModel } from "@klearstack/spec";
import fc from "fast-check";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { credentialsFor } from "./credentials.ts";
import { expectSampleWorks } from "./expect-sample.ts";
import { type RecordingProxy, sentForm, startRecordingProxy } from "./recording-proxy.ts";
import { closeSampleBrowser, python3, requireTools, shortRunJvm } from "./run-sample.ts";

const model = await loadApiModel();
const serverUrl = model.servers[0]?.url ?? "";
const javaClasspath = ["/usr/share/java/okhttp.jar", "/usr/share/java/okio.jar"];

/**
 * The free-text fields a sample writes as string literals, where any text is a valid example: the
 * model's free-text fields with an example, not secrets. Every other
 * field keeps its documented example (an enum value or a uuid stays one, as the mock requires).
 */
const freeTextFields = (op: OperationModel) => {
  const secret = new Set(
    sampleSecrets(op).flatMap((s) => ("field" in s.fills ? [s.fills.field] : [])),
  );
  return op.fields.filter((f) => f.freeText && !secret.has(f.name) && f.example !== undefined);
};
const operations = model.operations.filter((op) => freeTextFields(op).length > 0);

/** The operation with `values` as the examples of its free-text fields (in order, cycling). */
function withExamples(op: OperationModel, values: string[]): OperationModel {
  const given = new Map(
    freeTextFields(op).map((f, i) => [f.name, values[i % values.length] ?? ""]),
  );
  return {
    ...op,
    fields: op.fields.map((f) =>
      given.has(f.name) ? { ...f, example: given.get(f.name), exampleValue: given.get(f.name) } : f,
    ),
    exampleFields: { ...op.exampleFields, ...Object.fromEntries(given) },
    exampleInput: { ...op.exampleInput, ...Object.fromEntries(given) },
  };
}

interface Case {
  id: number;
  value: string;
  sample: CodeSample;
}

const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);
const literalBreakers = fc.constantFrom(
  ...[..."'\"\\`$\n\r\t{}<>/%&=;@#!()*+?[]u0xé€😀\u2028\u0085\u007f\u001b "],
  "${",
  "</script>",
  "\\u0022",
  "'\\''",
);
const strings = fc.sample(
  fc
    .oneof(
      fc.string({ unit: "binary", maxLength: 30 }),
      fc.string({ unit: literalBreakers, maxLength: 12 }),
    )
    .filter((s) => !s.includes("\u0000")),
  { numRuns: 120, seed },
);
const cases: Case[] = strings.flatMap((value, i) => {
  const op = operations[i % operations.length];
  if (!op) return [];
  return codeSamplesFor(withExamples(op, [value]), serverUrl).map((sample) => ({
    id: i,
    value,
    sample,
  }));
});
const byLang = (...langs: string[]) => cases.filter((c) => langs.includes(c.sample.lang));
const shown = (c: Case) => `${c.sample.label} with ${JSON.stringify(c.value)} (FC_SEED=${seed})`;

const work = mkdtempSync(join(tmpdir(), "klearstack-example-values-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeAll(requireTools);
afterAll(closeSampleBrowser);

describe("random example values in every sample (one parser process per language)", () => {
  it("covers every sample language", () => {
    expect(operations.length).toBeGreaterThan(0);
    expect(new Set(cases.map((c) => c.sample.lang))).toEqual(
      new Set(["curl", "Python", "Java", "Node.js", "JavaScript", "TypeScript"]),
    );
  });

  it("JavaScript and TypeScript: parse, and a string literal holds the value", () => {
    const broken = byLang("Node.js", "JavaScript", "TypeScript").filter((c) => {
      const { diagnostics } = ts.transpileModule(c.sample.source, {
        reportDiagnostics: true,
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ESNext },
      });
      return diagnostics?.length || !stringLiterals(c.sample.source).includes(c.value);
    });
    expect(broken.map(shown)).toEqual([]);
  });

  it("Python: parses, and a str constant holds the value", async () => {
    const python = byLang("Python");
    const checker = [
      "import ast, json, sys",
      "failed = []",
      "for case in json.load(sys.stdin):",
      "    try:",
      "        tree = ast.parse(case['source'])",
      "        values = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)]",
      "        ok = case['value'] in values",
      "    except SyntaxError:",
      "        ok = False",
      "    if not ok: failed.append(case['index'])",
      "print(json.dumps(failed))",
    ].join("\n");
    const input = python.map((c, index) => ({ index, source: c.sample.source, value: c.value }));
    const failed = JSON.parse(await withInput(python3(), ["-c", checker], JSON.stringify(input)));
    expect((failed as number[]).map((i) => shown(python[i] as Case))).toEqual([]);
  });

  it("shell: parses, and curl gets an argument holding the value", async () => {
    const shell = byLang("curl");
    // One bash: each sample is read into a variable by a quoted here-document (no expansion) and
    // run in a subshell where `curl` prints its arguments, each ended by a NUL.
    const end = `KS_END_${randomBytes(8).toString("hex")}`;
    const script = shell
      .map((c, i) => {
        if (c.sample.source.includes(end)) throw new Error("a sample holds the here-doc delimiter");
        return [
          `IFS= read -r -d '' source <<'${end}'`,
          c.sample.source,
          end,
          `printf '\\0@@%s\\0' ${i}; ( curl() { printf '%s\\0' "$@"; }; eval "$source" ) || printf '!!\\0'`,
        ].join("\n");
      })
      .join("\n");
    const runs = (await withInput("bash", ["-s"], script)).split("\0@@").slice(1);
    expect(runs).toHaveLength(shell.length);
    const broken = shell.filter((c, i) => {
      const args = (runs[i] ?? "").split("\0").slice(1);
      return args.includes("!!") || !args.some((arg) => arg.endsWith(`=${c.value}`));
    });
    expect(broken.map(shown)).toEqual([]);
  });

  it("Java: compiles, all in one javac", async () => {
    const java = byLang("Java");
    const dir = join(work, "java");
    mkdirSync(dir, { recursive: true });
    const files = java.map((c, i) => {
      const file = join(dir, `Sample${i}.java`);
      writeFileSync(file, c.sample.source.replace(/public class \w+/, `public class Sample${i}`));
      return file;
    });
    const compiled = await promisify(execFile)(
      "javac",
      [
        ...shortRunJvm.map((option) => `-J${option}`),
        ...["-encoding", "UTF-8", "-cp", javaClasspath.join(":"), "-d", dir, ...files],
      ],
      { maxBuffer: 64 * 1024 * 1024 },
    ).then(
      () => "",
      (error: { stderr: string }) => error.stderr,
    );
    const brokenFiles = new Set(
      [...compiled.matchAll(/Sample(\d+)\.java:\d+: error/g)].map((m) => Number(m[1])),
    );
    expect([...brokenFiles].map((i) => shown(java[i] as Case))).toEqual([]);
    expect(compiled).toBe("");
  });
});

/**
 * Four strings that end, escape or smuggle code in some language, each within the schemas (at
 * most 64 characters, the spec's shortest maxLength of a free-text field). The operation below
 * takes as many at a time as it has free-text fields: two today, so two runs of every sample.
 * Each hazard sits where it bites: the `@` that curl reads as "a file" leads its string; quotes,
 * `$`, backslashes and line breaks may sit anywhere.
 */
const awkward = [
  `"dq" \\ \`bt\` $HOME \${x} $(id) %41+&a=b O'Reilly Media`,
  "</script><script>top.__pwned=1</script>'); x=('",
  "two\nlines\r\n\ttab \\u0022 \\n",
  "@/etc/hostname;type=text/html Ünï 日本 😀 €\u2028",
];

describe("awkward example values reach the mock exactly, through every sample", () => {
  // The operation whose samples carry the most values; every awkward string goes through it.
  const op = [...operations].sort((a, b) => freeTextFields(b).length - freeTextFields(a).length)[0];
  if (!op) throw new Error("no operation of the spec has a free-text field with an example");
  const fields = freeTextFields(op);
  const rounds = Array.from({ length: Math.ceil(awkward.length / fields.length) }, (_, round) =>
    fields.map((_f, i) => awkward[(round * fields.length + i) % awkward.length] as string),
  );
  const mock = useMock();
  let proxy: RecordingProxy;
  beforeAll(async () => {
    proxy = await startRecordingProxy(mock.url);
  });
  afterAll(() => proxy?.close());

  const runs = rounds.flatMap((values) => {
    const variant = withExamples(op, values);
    return codeSamplesFor(variant, serverUrl).map((s) => [s.label, values, variant, s] as const);
  });

  it.each(runs)(
    "%s with %j",
    async (_label, values, variant, sample) => {
      const source = sample.source.replaceAll(serverUrl, proxy.url);
      const before = proxy.exchanges.length;
      await expectSampleWorks(
        model,
        variant,
        { ...sample, source },
        proxy,
        await credentialsFor(model, variant, mock.url),
      );
      const call = proxy.exchanges.slice(before).find((e) => e.method !== "OPTIONS");
      if (!call) throw new Error("the sample reached no mock");
      const form = await sentForm(call);
      // A browser sends every line break of a multipart field as CRLF (HTML's form encoding).
      const sent =
        sample.lang === "JavaScript" ? values.map((v) => v.replace(/\r\n|\r|\n/g, "\r\n")) : values;
      expect(fields.map((f) => form.get(f.name))).toEqual(sent);
    },
    90_000,
  );
});

/** The text of every string literal in `source` (escapes decoded, as the program sees them). */
function stringLiterals(source: string): string[] {
  const file = ts.createSourceFile("sample.ts", source, ts.ScriptTarget.ESNext, true);
  const texts: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) texts.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return texts;
}

/** Runs `command` with `input` on stdin; resolves its stdout, rejects with its stderr. */
function withInput(command: string, args: string[], input: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`${command} exited ${code}: ${stderr}`)),
    );
    child.stdin.end(input);
  });
}
