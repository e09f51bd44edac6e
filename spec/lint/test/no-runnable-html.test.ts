// The rule `klearstack/no-runnable-html` (../rules/no-runnable-html.ts): every payload of the
// corpus is refused, plain and in each encoding a browser decodes; ordinary text, the product spec's
// own strings among it, passes; and the real Redocly CLI, with our redocly.yaml, reports the rule at
// each string it is put in, wherever that string sits in the document.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { loadSpec, type OpenApiDocument } from "../../index.ts";
import { runnableHtml } from "../rules/no-runnable-html.ts";
import { payloads } from "./payloads.ts";

const entities = (text: string) =>
  text.replace(
    /[<>"':=/]/g,
    (c) =>
      `&${({ "<": "lt", ">": "gt", '"': "quot", "'": "apos", ":": "colon", "=": "equals", "/": "sol" } as Record<string, string>)[c]};`,
  );
const decimal = (text: string) => [...text].map((c) => `&#${c.codePointAt(0)};`).join("");
const hexNoSemicolon = (text: string) =>
  [...text].map((c) => `&#x${c.codePointAt(0)?.toString(16)}`).join("");
const percent = (text: string) =>
  [...new TextEncoder().encode(text)].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("");
const encodings: [string, (text: string) => string][] = [
  ["plain", (text) => text],
  ["named entities", entities],
  ["decimal entities", decimal],
  ["hex entities without ;", hexNoSemicolon],
  ["percent-encoded", percent],
  ["percent-encoded entities", (text) => percent(entities(text))],
  ["upper case", (text) => text.toUpperCase()],
];

describe("runnableHtml", () => {
  it.each(encodings)("refuses every payload of the corpus, %s", (_name, encode) => {
    const missed = payloads.filter((payload) => runnableHtml(encode(payload)) === undefined);
    expect(missed).toEqual([]);
  });

  it.each([
    ["a javascript: URL split by a tab", "<a href='java\tscript:alert(1)'>x</a>"],
    ["a markdown link with an entity in the scheme", "[x](javascript&#58;alert(1))"],
    ["a JavaScript-escaped tag", "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"],
    ["a handler after a slash", "<svg/onload=alert(1)>"],
    ["an iframe in mixed case", "<IfRaMe src=x>"],
    ["a data:text/html URL", "see data:text/html;base64,PHNjcmlwdD4="],
    ["a vbscript: URL", "vbscript:msgbox(1)"],
    ["srcdoc", "<x srcdoc=y>"],
  ])("refuses %s", (_name, text) => {
    expect(runnableHtml(text)).toBeDefined();
  });

  it("passes ordinary text, and every string of the product spec", () => {
    const ordinary = [
      "Authorization: Bearer <access token>",
      "a <b>bold</b> and <em>quiet</em> word, a <code>code</code> span, <br>",
      "online=true; button onto the page; the one= sign",
      "JavaScript, VBScript and scripts in general; a meta-analysis; an embedded object",
      "data:image/png;base64,iVBORw0KGgo=",
      "100% sure, 50%off, &amp; &copy; &#169;",
      `O'Reilly "Media" \\ \${x} é 日本`,
    ];
    const strings: string[] = [];
    const collect = (node: unknown) => {
      if (typeof node === "string") strings.push(node);
      else if (node && typeof node === "object") {
        for (const [key, value] of Object.entries(node)) {
          strings.push(key);
          collect(value);
        }
      }
    };
    collect(loadSpec());
    expect(strings.length).toBeGreaterThan(100);
    const refused = [...ordinary, ...strings].filter((text) => runnableHtml(text) !== undefined);
    expect(refused).toEqual([]);
  });
});

describe("klearstack/no-runnable-html in redocly lint", () => {
  const work = mkdtempSync(join(tmpdir(), "klearstack-no-runnable-html-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("reports each string that carries a payload, wherever it sits, and nothing else", async () => {
    const doc = loadSpec() as OpenApiDocument & Record<string, unknown>;
    const [first, second, third = first] = payloads as [string, string, string];
    const info = doc.info as Record<string, unknown>;
    info.title = first;
    info["x-note"] = second;
    const servers = (doc.servers ?? []) as unknown as Record<string, unknown>[];
    servers.push({
      url: "{base}",
      variables: { base: { default: "https://x.invalid", enum: ["https://x.invalid", third] } },
    });
    doc.servers = servers as unknown as OpenApiDocument["servers"];
    const company = doc.components.schemas.CompanyName as Record<string, unknown>;
    company.enum = ["Acme Corporation", entities(first)];
    const example = (
      doc.components as unknown as Record<string, Record<string, Record<string, unknown>>>
    ).examples!.CompanyNameMissing!;
    example.value = percent(second);
    const file = join(work, "openapi.yaml");
    writeFileSync(file, stringify(doc));
    const server = (servers.length - 1).toString();
    expect(await reported(file)).toEqual(
      [
        "/info/title",
        "/info/x-note",
        `/servers/${server}/variables/base/enum/1`,
        "/components/schemas/CompanyName/enum/1",
        "/components/examples/CompanyNameMissing/value",
      ].sort(),
    );
  });
});

/** The JSON pointers `redocly lint` (our redocly.yaml) reports with this rule, sorted. */
async function reported(file: string): Promise<string[]> {
  const config = new URL("../../../redocly.yaml", import.meta.url).pathname;
  const { stdout } = await promisify(execFile)(
    "redocly",
    ["lint", file, "--config", config, "--format=json", "--max-problems=100000"],
    { env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } },
  ).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
  const report = JSON.parse(stdout) as {
    problems: { ruleId: string; location: { pointer: string }[] }[];
  };
  return report.problems
    .filter((problem) => problem.ruleId === "klearstack/no-runnable-html")
    .flatMap((problem) => problem.location.map((l) => decodeURIComponent(l.pointer.slice(1))))
    .sort();
}
