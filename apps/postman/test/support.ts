// Test helpers: the generated collection read as Postman reads it (folders, requests, form values,
// the auth a request ends up with, its test script), for the product spec and the fixture spec.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ApiModel, loadApiModel, loadSpec, type OperationModel } from "@klearstack/spec";
import { writeUnseenOperationSpec } from "@klearstack/spec/fixtures";
import { buildCollection } from "../src/collection.ts";
import type { PostmanCollection, PostmanItem } from "../src/convert.ts";

export interface Built {
  model: ApiModel;
  collection: PostmanCollection;
}

/**
 * The product spec; the product spec plus the fixture's operation the code has never seen; and the
 * product spec with its paths in reverse order (calls that need tokens written before the logins).
 */
export async function specsUnderTest(): Promise<[string, Built][]> {
  const dir = mkdtempSync(join(tmpdir(), "klearstack-postman-test-"));
  try {
    const reversed = loadSpec();
    reversed.paths = Object.fromEntries(Object.entries(reversed.paths).reverse());
    const models: [string, ApiModel][] = [
      ["the product spec", await loadApiModel()],
      ["the fixture spec", await loadApiModel(writeUnseenOperationSpec(dir))],
      ["the product spec in reverse order", await loadApiModel({ document: reversed as never })],
    ];
    return await Promise.all(
      models.map(async ([name, model]) => [
        name,
        { model, collection: await buildCollection(model) },
      ]),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export type FormField = { key: string; value: string };

export const script = (item: PostmanItem): string =>
  (item.event?.find((e) => e.listen === "test")?.script.exec ?? []).join("\n");

export const fields = (item: PostmanItem): FormField[] => {
  const body = item.request?.body;
  return body ? ((body[body.mode] as FormField[] | undefined) ?? []) : [];
};

/** The auth Postman applies: the request's own, else the collection's. */
export const effectiveAuth = (collection: PostmanCollection, item: PostmanItem) =>
  (item.request?.auth ?? collection.auth) as
    | { type: string; bearer?: { key: string; value: string }[] }
    | undefined;

/** The requests of one operation in a folder (matched by method and path, as Postman sends them). */
export const itemsOf = (folder: PostmanItem, op: OperationModel): PostmanItem[] =>
  (folder.item ?? []).filter(
    (item) =>
      item.request?.method === op.method.toUpperCase() &&
      `/${((item.request.url as { path: string[] }).path ?? []).join("/")}` === op.path,
  );

/** The operation a request addresses. */
export const operationOf = (model: ApiModel, item: PostmanItem): OperationModel | undefined =>
  model.operations.find((op) => itemsOf({ name: "", item: [item] }, op).length === 1);

/** The collection variables a script stores, by the names it stores them under. */
export const storedVariables = (item: PostmanItem): string[] =>
  [...script(item).matchAll(/pm\.collectionVariables\.set\(("[^"]+")/g)].map(
    (m) => JSON.parse(m[1] ?? '""') as string,
  );

export const variableName = (value: string): string | undefined =>
  /^\{\{([^{}]+)\}\}$/.exec(value)?.[1];
