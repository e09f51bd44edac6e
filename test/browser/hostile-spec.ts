// A spec written by an attacker: the product spec with HTML that would run (script, event handlers,
// frames, plugins, javascript: URLs, plain or entity-encoded) in every place spec text reaches the
// page: title, summaries, descriptions, examples, enum values, server URLs and variables, security
// and response texts, x-* extensions. Each payload, if it ran, would set `top.__pwned` or open a
// dialog, so the browser test can see it. Nothing here is written to a tracked file.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadSpec, type OpenApiDocument } from "@klearstack/spec";
import { stringify } from "yaml";
import { payloads } from "../../spec/lint/test/payloads.ts";

/** What the page would show if the whole corpus were one text. */
const all = payloads.join("\n\n");
const inline = payloads.join(" ");

type Node = Record<string, unknown>;

/**
 * The hostile document and the JSON pointers of every string it put a payload in (a lint rule that
 * refuses runnable HTML must flag each one).
 */
export function hostileDocument(): { document: OpenApiDocument; placed: string[] } {
  const doc = loadSpec() as OpenApiDocument & Node;
  const placed: string[] = [];
  const put = (node: Node, key: string, value: unknown, pointer: string) => {
    node[key] = value;
    if (typeof value === "string") placed.push(`${pointer}/${key}`);
    else if (Array.isArray(value)) {
      for (const i of value.keys()) placed.push(`${pointer}/${key}/${i}`);
    }
  };

  const info = doc.info as Node;
  put(info, "title", `KlearStack ${inline}`, "/info");
  put(info, "summary", inline, "/info");
  put(info, "description", all, "/info");
  put(info, "x-hostile", inline, "/info");

  // The first server stays the mock the samples call; every payload is a server of its own.
  const servers = doc.servers as Node[];
  payloads.forEach((payload, i) => {
    const at = servers.length;
    servers.push({});
    put(servers[at]!, "url", payload, `/servers/${at}`);
    put(servers[at]!, "description", payload, `/servers/${at}`);
    if (i === 0) {
      const variable: Node = {};
      put(variable, "default", payloads[1], `/servers/${at}/variables/v`);
      put(variable, "enum", [...payloads], `/servers/${at}/variables/v`);
      put(variable, "description", payload, `/servers/${at}/variables/v`);
      servers[at]!.url = `{v}${payload}`;
      servers[at]!.variables = { v: variable };
    }
  });

  const tags = doc.tags as Node[];
  for (const [i, tag] of tags.entries()) put(tag, "description", all, `/tags/${i}`);

  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item as Record<string, Node>)) {
      const pointer = `/paths/${path.replaceAll("~", "~0").replaceAll("/", "~1")}/${method}`;
      put(op, "summary", `${String(op.summary)} ${inline}`, pointer);
      put(op, "description", all, pointer);
      put(op, "x-hostile", inline, pointer);
      const body = op.requestBody as Node | undefined;
      if (body) put(body, "description", all, `${pointer}/requestBody`);
      for (const [status, response] of Object.entries(op.responses as Record<string, Node>)) {
        if (!("$ref" in response))
          put(response, "description", all, `${pointer}/responses/${status}`);
      }
    }
  }

  const components = doc.components as unknown as Record<string, Record<string, Node>>;
  for (const [name, scheme] of Object.entries(components.securitySchemes ?? {})) {
    put(scheme, "description", all, `/components/securitySchemes/${name}`);
  }
  for (const [name, response] of Object.entries(components.responses ?? {})) {
    put(response, "description", all, `/components/responses/${name}`);
  }
  for (const [name, example] of Object.entries(components.examples ?? {})) {
    put(example, "summary", inline, `/components/examples/${name}`);
    put(example, "description", all, `/components/examples/${name}`);
    put(example, "value", all, `/components/examples/${name}`);
  }
  // Every plain string schema a form field uses (not secrets, not JWTs): described, exemplified and
  // enumerated with the corpus. Its first example is what the samples and the console pre-fill.
  for (const [name, schema] of Object.entries(components.schemas ?? {})) {
    const plain =
      schema.type === "string" && !schema.format && !schema.contentMediaType && schema.examples;
    if (!plain) continue;
    const pointer = `/components/schemas/${name}`;
    put(schema, "description", all, pointer);
    put(schema, "examples", [...payloads], pointer);
    put(schema, "enum", [...payloads], pointer);
    delete schema.maxLength;
  }
  return { document: doc, placed };
}

/** Writes the hostile document as `openapi.yaml` into `dir` (the caller's temp folder). */
export function writeHostileSpec(dir: string): { specPath: string; placed: string[] } {
  const { document, placed } = hostileDocument();
  const specPath = join(dir, "openapi.yaml");
  writeFileSync(specPath, stringify(document));
  return { specPath, placed };
}
