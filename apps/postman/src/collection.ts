// The collection: one folder per request encoding the spec declares. In each, every operation in
// chain order (logins before the calls that need their tokens), each with one request that must
// succeed, one per documented missing parameter that must get the documented error, and, for a
// bearer-protected call, one without credentials that must get the documented 401.
import { createHash } from "node:crypto";
import { STATUS_CODES } from "node:http";
import type { ApiModel, OperationModel } from "@klearstack/spec";
import { type Chain, chainOf } from "./chain.ts";
import {
  convert,
  type PostmanCollection,
  type PostmanItem,
  type PostmanRequest,
  type RequestItem,
  requestsOf,
} from "./convert.ts";
import {
  type Auth,
  bearerAuth,
  noAuth,
  withAccept,
  withAuth,
  withFieldValues,
  withoutField,
} from "./requests.ts";
import { embeddableSchema } from "./schema.ts";
import { errorTests, statusTests, successTests } from "./tests.ts";
import { type FieldValues, fieldValues } from "./variables.ts";

/** RFC 9110 §15.5.2: the status for a request without valid credentials. */
export const UNAUTHENTICATED = 401;

const testEvent = (exec: string[]) => [
  { listen: "test" as const, script: { type: "text/javascript", exec } },
];

const isJson = (mediaType: string) => /^application\/(?:[\w.+-]+\+)?json$/i.test(mediaType);

interface Context {
  chain: Chain;
  values: FieldValues;
  /** The auth the collection itself carries (requests inherit it unless they say otherwise). */
  collectionAuth: Auth | undefined;
}

function authOf(op: OperationModel, { chain, collectionAuth }: Context): Auth | undefined {
  if (op.security.length === 0) return noAuth;
  if (op.security.length > 1 || !op.bearer)
    throw new Error(
      `${op.operationId}: security ${op.security.map((s) => s.name).join(" + ")} is not one http bearer scheme; the collection only chains bearer tokens`,
    );
  const auth = bearerAuth(chain.bearer(op.bearer).variable);
  return JSON.stringify(auth) === JSON.stringify(collectionAuth) ? undefined : auth;
}

function savedResponses(converted: RequestItem, status: string, request: PostmanRequest) {
  return (converted.response ?? [])
    .filter((r) => String(r.code) === status)
    .map((r) => ({ ...r, originalRequest: request }));
}

function operationItems(
  op: OperationModel,
  converted: RequestItem,
  mediaType: string,
  context: Context,
): PostmanItem[] {
  const where = `${op.operationId} (${mediaType})`;
  const request = withAuth(
    withFieldValues(converted.request, (field) => context.values.valueFor(op, field)),
    authOf(op, context),
  );
  const items: PostmanItem[] = [];

  const success = op.success;
  if (success) {
    const body = success.body;
    const valid = withAccept(request, body?.mediaType);
    items.push({
      name: `${converted.name} (${mediaType})`,
      request: valid,
      response: savedResponses(converted, success.status, valid),
      event: testEvent(
        successTests({
          status: Number(success.status),
          body: body && {
            mediaType: body.mediaType,
            schema: isJson(body.mediaType) ? embeddableSchema(body.schema, where) : undefined,
            tokens: body.tokens.map((t) => ({
              field: t.name,
              decodedSchema: t.decodedSchema && embeddableSchema(t.decodedSchema, where),
            })),
          },
          store: context.chain.issued(op),
        }),
      ),
    });
  }

  for (const { field, status, mediaType: type, text } of op.missingParameters) {
    const failing = withAccept(withoutField(request, field), type);
    items.push({
      name: `${converted.name} without ${field} → ${status} (${mediaType})`,
      request: failing,
      response: [
        {
          name: `${field} is missing`,
          code: Number(status),
          status: STATUS_CODES[Number(status)] ?? "",
          header: [{ key: "Content-Type", value: type }],
          body: text,
          originalRequest: failing,
        },
      ],
      event: testEvent(errorTests(Number(status), type, text)),
    });
  }

  const refused = op.bearer && op.response(UNAUTHENTICATED);
  if (refused) {
    const body = refused.body;
    const anonymous = withAccept(withAuth(request, noAuth), body?.mediaType);
    items.push({
      name: `${converted.name} without a bearer token → ${UNAUTHENTICATED} (${mediaType})`,
      request: anonymous,
      response: savedResponses(converted, refused.status, anonymous),
      event: testEvent(
        statusTests(
          UNAUTHENTICATED,
          body && {
            mediaType: body.mediaType,
            schema: isJson(body.mediaType) ? embeddableSchema(body.schema, where) : undefined,
          },
        ),
      ),
    });
  }
  return items;
}

/** The converter writes `/a/{id}` as the path segments `a`, `:id`. */
const postmanPath = (op: OperationModel) => op.path.replace(/\{([^}]+)\}/g, ":$1");
const urlPath = (request: PostmanRequest) =>
  `/${((request.url as { path?: string[] }).path ?? []).join("/")}`;

export async function buildCollection(model: ApiModel): Promise<PostmanCollection> {
  const chain = chainOf(model);
  const bearerScheme = chain.order.find((op) => op.bearer)?.bearer;
  const context: Context = {
    chain,
    values: fieldValues(model, chain),
    collectionAuth: bearerScheme && bearerAuth(chain.bearer(bearerScheme).variable),
  };
  const mediaTypes = [...new Set(model.operations.flatMap((op) => op.request?.mediaTypes ?? []))];
  if (mediaTypes.length === 0)
    throw new Error("the spec declares no request bodies: nothing to put in a collection");

  const folders: PostmanItem[] = [];
  let base: PostmanCollection | undefined;
  for (const mediaType of mediaTypes) {
    const converted = await convert(model.document, mediaType);
    base ??= converted;
    const requests = requestsOf(converted.item);
    // Operations without a request body run in every folder: they belong to no one encoding.
    const items = chain.order
      .filter((op) => !op.request || op.request.mediaTypes.includes(mediaType))
      .flatMap((op) => {
        const match = requests.find(
          (r) =>
            r.request.method === op.method.toUpperCase() && urlPath(r.request) === postmanPath(op),
        );
        if (!match)
          throw new Error(`the converter produced no request for ${op.method} ${op.path}`);
        return operationItems(op, match, mediaType, context);
      });
    folders.push({ name: mediaType, item: items });
  }
  if (!base) throw new Error("openapi-to-postmanv2 produced no collection");

  const baseUrl = (base.variable ?? []).filter((v) => v.key === "baseUrl");
  const h = createHash("sha256").update(JSON.stringify(model.document)).digest("hex");
  return stripIds({
    info: {
      ...base.info,
      // Stable across rebuilds of the same spec, so re-imports update rather than duplicate.
      _postman_id: [0, 8, 12, 16, 20].map((at, i, all) => h.slice(at, all[i + 1] ?? 32)).join("-"),
    },
    item: folders,
    ...(context.collectionAuth ? { auth: context.collectionAuth } : {}),
    variable: [...baseUrl, ...context.values.variables],
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
