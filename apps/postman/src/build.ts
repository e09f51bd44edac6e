// `npm run build -w @klearstack/postman`: writes the collection and a local-mock environment to
// dist/. Both are generated from the spec; nothing here restates it.
import { mkdirSync, writeFileSync } from "node:fs";
import { loadSpec } from "@klearstack/spec";
import { buildCollection } from "./collection.ts";
import { collectionFile, environmentFile } from "./paths.ts";

const spec = loadSpec();
const collection = await buildCollection(spec);

// The spec's loopback server is where `npm run mock` listens.
const mockUrl = spec.servers?.find((s) => /^http:\/\/127\.0\.0\.1[:/]/.test(s.url))?.url;
if (!mockUrl) throw new Error("the spec lists no http://127.0.0.1 server for the local mock");
const environment = {
  name: `${String(collection.info.name)} — local mock`,
  values: [{ key: "baseUrl", value: mockUrl, type: "default", enabled: true }],
  _postman_variable_scope: "environment",
};

mkdirSync(new URL("./", collectionFile), { recursive: true });
writeFileSync(collectionFile, `${JSON.stringify(collection, null, 2)}\n`);
writeFileSync(environmentFile, `${JSON.stringify(environment, null, 2)}\n`);
console.log(`wrote ${collectionFile.pathname}\nwrote ${environmentFile.pathname}`);
