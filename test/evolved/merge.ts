// The evolved spec: the product spec plus the unseen-operation fixture's operations, as a
// maintainer would add them (README "Adding an operation"). The fixture's own names are renamed
// ("Evolved" at every camel-case boundary: `getFooBar` → `getEvolvedFooEvolvedBar`, `FooBar` →
// `FooEvolvedBar`; `/…/foobar` → `/…/evolved-foobar`) so that, in the
// evolved copy, the fixture is still an operation no file names (no new name contains an old one)
// and its own tests still prove what they prove. Written through yaml's Document API, so
// the product spec keeps its comments and layout.
//   node test/evolved/merge.ts SPEC FRAGMENT   rewrites SPEC in place (run only on a copy)
import { readFileSync, writeFileSync } from "node:fs";
import { parse, parseDocument } from "yaml";

interface Fragment {
  paths: Record<string, Record<string, { operationId?: string }>>;
  components?: { schemas?: Record<string, unknown> };
}

/** `getFooBar` → `getEvolvedFooEvolvedBar`: "Evolved" at every camel-case boundary. */
export const evolvedName = (name: string) => name.replace(/(?<=[a-z0-9])(?=[A-Z])/g, "Evolved");
/** `/access/klearstack/foobar` → `/access/klearstack/evolved-foobar`. */
export const evolvedPath = (path: string) => path.replace(/\/([^/]+)$/, "/evolved-$1");

/** The fragment's operations under new names: every name and every `$ref` to its own schemas. */
export function renamedFragment(fragmentText: string): { text: string; renamed: Fragment } {
  const fragment = parse(fragmentText) as Fragment;
  const schemas = Object.keys(fragment.components?.schemas ?? {});
  const operationIds = Object.values(fragment.paths).flatMap((item) =>
    Object.values(item).flatMap((op) => (op.operationId ? [op.operationId] : [])),
  );
  let text = JSON.stringify(fragment);
  for (const id of operationIds)
    text = text.replaceAll(`"operationId":"${id}"`, `"operationId":"${evolvedName(id)}"`);
  for (const name of schemas) {
    text = text.replaceAll(
      `"#/components/schemas/${name}"`,
      `"#/components/schemas/${evolvedName(name)}"`,
    );
  }
  const renamed = JSON.parse(text) as Fragment;
  renamed.paths = Object.fromEntries(
    Object.entries(renamed.paths).map(([path, item]) => [evolvedPath(path), item]),
  );
  renamed.components = {
    schemas: Object.fromEntries(
      Object.entries(renamed.components?.schemas ?? {}).map(([n, s]) => [evolvedName(n), s]),
    ),
  };
  // The point of renaming: no original name is left for the copy's own fixture tests to find.
  const out = JSON.stringify(renamed);
  const left = [...Object.keys(fragment.paths), ...operationIds, ...schemas].filter((name) =>
    out.includes(name),
  );
  if (left.length)
    throw new Error(`the evolved operation still carries the fixture's names: ${left.join(", ")}`);
  return { text: out, renamed };
}

/** The product spec's text with the renamed fragment merged in (paths and component schemas). */
export function mergeFragment(specText: string, fragmentText: string): string {
  const doc = parseDocument(specText);
  const { renamed } = renamedFragment(fragmentText);
  for (const [path, item] of Object.entries(renamed.paths)) {
    if (doc.hasIn(["paths", path])) throw new Error(`the spec already has ${path}`);
    doc.setIn(["paths", path], doc.createNode(item));
  }
  for (const [name, schema] of Object.entries(renamed.components?.schemas ?? {})) {
    if (doc.hasIn(["components", "schemas", name])) throw new Error(`the spec already has ${name}`);
    doc.setIn(["components", "schemas", name], doc.createNode(schema));
  }
  return doc.toString({ lineWidth: 0 });
}

/**
 * The spec's text without the renamed fragment's paths and schemas: the spec it was merged into
 * (the product spec), whether `specText` is that spec already or the evolved one.
 */
export function withoutFragment(specText: string, fragmentText: string): string {
  const doc = parseDocument(specText);
  const { renamed } = renamedFragment(fragmentText);
  const schemas = Object.keys(renamed.components?.schemas ?? {});
  const keys = [
    ...Object.keys(renamed.paths).map((path) => ["paths", path]),
    ...schemas.map((name) => ["components", "schemas", name]),
  ].filter((key) => doc.hasIn(key));
  if (keys.length === 0) return specText;
  for (const key of keys) doc.deleteIn(key);
  return doc.toString({ lineWidth: 0 });
}

if (import.meta.main) {
  const [spec, fragment] = process.argv.slice(2);
  if (!spec || !fragment) {
    console.error("usage: node test/evolved/merge.ts SPEC FRAGMENT");
    process.exit(2);
  }
  writeFileSync(spec, mergeFragment(readFileSync(spec, "utf8"), readFileSync(fragment, "utf8")));
}
