// `npm run build -w @klearstack/postman`: writes the collection and a local-mock environment to
// dist/. Both are generated from the spec's operation model; nothing here restates it.
import { mkdirSync, writeFileSync } from "node:fs";
import { loadApiModel } from "@klearstack/spec";
import { buildCollection } from "./collection.ts";
import { localMockEnvironment } from "./environment.ts";
import { collectionFile, environmentFile } from "./paths.ts";

const model = await loadApiModel();
const collection = await buildCollection(model);
const environment = localMockEnvironment(model, collection);

mkdirSync(new URL("./", collectionFile), { recursive: true });
writeFileSync(collectionFile, `${JSON.stringify(collection, null, 2)}\n`);
writeFileSync(environmentFile, `${JSON.stringify(environment, null, 2)}\n`);
console.log(`wrote ${collectionFile.pathname}\nwrote ${environmentFile.pathname}`);
