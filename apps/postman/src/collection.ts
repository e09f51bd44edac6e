// The collection: for every operation and every request encoding the spec declares, one request
// that must succeed and one per documented missing parameter that must get the documented error.
import { createHash } from "node:crypto";
import { STATUS_CODES } from "node:http";
import type { JsonSchema, OpenApiDocument } from "@klearstack/spec";
import {
  convert,
  type PostmanCollection,
  type PostmanItem,
  type PostmanRequest,
  type RequestItem,
  requestsOf,
} from "./convert.ts";
import { inlineRefs } from "./schema.ts";
import { errorTests, successTests } from "./tests.ts";

interface Example {
  value: unknown;
  "x-missing-parameter"?: string;
}

const testEvent = (exec: string[]) => [
  { listen: "test" as const, script: { type: "text/javascript", exec } },
];

function formFields(request: PostmanRequest): { key: string; value: string }[] {
  const body = request.body;
  return body ? ((body[body.mode] as { key: string; value: string }[] | undefined) ?? []) : [];
}

/** Body values become `{{field}}`, so one collection variable per field holds the example. */
function useVariables(request: PostmanRequest): PostmanRequest {
  const copy = structuredClone(request);
  for (const field of formFields(copy)) field.value = `{{${field.key}}}`;
  // Multipart needs a boundary in its Content-Type; only the runtime can write it, so a
  // hand-set `multipart/form-data` header (as the converter emits) would break the request.
  if (copy.body?.mode === "formdata")
    copy.header = copy.header.filter((h) => h.key.toLowerCase() !== "content-type");
  return copy;
}

function withAccept(request: PostmanRequest, mediaType: string): PostmanRequest {
  const copy = structuredClone(request);
  copy.header = [
    ...copy.header.filter((h) => h.key.toLowerCase() !== "accept"),
    { key: "Accept", value: mediaType },
  ];
  return copy;
}

function withoutField(request: PostmanRequest, field: string): PostmanRequest {
  const copy = structuredClone(request);
  if (copy.body) copy.body[copy.body.mode] = formFields(copy).filter((f) => f.key !== field);
  return copy;
}

function itemsFor(spec: OpenApiDocument, converted: RequestItem, op: Operation, mediaType: string) {
  const request = useVariables(converted.request);
  const responses = Object.entries(op.responses);
  const items: PostmanItem[] = [];

  const [status, response] = responses.find(([code]) => code.startsWith("2")) ?? [];
  const [responseType, media] = Object.entries(response?.content ?? {})[0] ?? [];
  if (status && responseType && media) {
    items.push({
      name: `${converted.name} (${mediaType})`,
      request: withAccept(request, responseType),
      response: (converted.response ?? [])
        .filter((r) => r.code === Number(status))
        .map((r) => ({ ...r, originalRequest: request })),
      event: testEvent(successTests(Number(status), responseType, inlineRefs(spec, media.schema))),
    });
  }

  for (const [status, response] of responses) {
    for (const [responseType, media] of Object.entries(response.content)) {
      for (const example of Object.values(media.examples ?? {}) as Example[]) {
        const missing = example["x-missing-parameter"];
        if (!missing) continue;
        const text = String(example.value);
        const failing = withAccept(withoutField(request, missing), responseType);
        items.push({
          name: `${converted.name} without ${missing} → ${status} (${mediaType})`,
          request: failing,
          response: [
            {
              name: `${missing} is missing`,
              code: Number(status),
              status: STATUS_CODES[Number(status)] ?? "",
              header: [{ key: "Content-Type", value: responseType }],
              body: text,
              originalRequest: failing,
            },
          ],
          event: testEvent(errorTests(Number(status), responseType, text)),
        });
      }
    }
  }
  return items;
}

type Operation = OpenApiDocument["paths"][string][string];

const urlPath = (request: PostmanRequest) =>
  `/${((request.url as { path?: string[] }).path ?? []).join("/")}`;

/** One collection variable per form field, holding the spec's example for it. */
function fieldVariables(spec: OpenApiDocument, op: Operation) {
  return Object.values(op.requestBody.content).flatMap((media) => {
    const schema = inlineRefs(spec, media.schema) as JsonSchema;
    return Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>).map(
      ([key, property]) => ({
        key,
        value: String((property.examples as unknown[] | undefined)?.[0] ?? property.example ?? ""),
        description: String(property.description ?? ""),
      }),
    );
  });
}

export async function buildCollection(spec: OpenApiDocument): Promise<PostmanCollection> {
  const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );
  const mediaTypes = [
    ...new Set(operations.flatMap(({ op }) => Object.keys(op.requestBody?.content ?? {}))),
  ];
  const folders: PostmanItem[] = [];
  let base: PostmanCollection | undefined;
  for (const mediaType of mediaTypes) {
    const converted = await convert(spec, mediaType);
    base ??= converted;
    const requests = requestsOf(converted.item);
    const items = operations
      .filter(({ op }) => op.requestBody?.content[mediaType])
      .flatMap(({ path, method, op }) => {
        const match = requests.find(
          (r) => r.request.method === method && urlPath(r.request) === path,
        );
        if (!match) throw new Error(`the converter produced no request for ${method} ${path}`);
        return itemsFor(spec, match, op, mediaType);
      });
    folders.push({ name: mediaType, item: items });
  }
  if (!base) throw new Error("the spec declares no request bodies: nothing to put in a collection");

  const variables = new Map(
    operations.flatMap(({ op }) => fieldVariables(spec, op)).map((v) => [v.key, v]),
  );
  const baseUrl = (base.variable ?? []).filter((v) => v.key === "baseUrl");
  const h = createHash("sha256").update(JSON.stringify(spec)).digest("hex");
  return stripIds({
    info: {
      ...base.info,
      // Stable across rebuilds of the same spec, so re-imports update rather than duplicate.
      _postman_id: [0, 8, 12, 16, 20].map((at, i, all) => h.slice(at, all[i + 1] ?? 32)).join("-"),
    },
    item: folders,
    variable: [...baseUrl, ...variables.values()],
    event: [],
  });
}

/** The converter's random ids would make every build differ; Postman assigns its own on import. */
function stripIds<T>(node: T): T {
  if (Array.isArray(node)) return node.map(stripIds) as T;
  if (!node || typeof node !== "object") return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => key !== "id")
      .map(([key, value]) => [key, stripIds(value)]),
  ) as T;
}
