// The pieces rules compare, read from the operation model and its resolved schemas (Redocly's
// bundler resolved every `$ref`; `schemaFacts` merges `allOf`): request fields by name, response
// bodies by status and media type, and the properties of a body, nested ones included.
import type { FieldModel, JsonSchema, OperationModel, TokenFieldModel } from "../index.ts";
import { type SchemaFacts, schemaFacts } from "../schema-facts.ts";
import { whereOf } from "./affects.ts";
import type { OperationPair } from "./types.ts";

export const facts = (schema: JsonSchema | undefined): SchemaFacts => schemaFacts(schema ?? {});

export interface FieldPair {
  op: OperationModel;
  base: FieldModel;
  head: FieldModel;
}

/** Request fields present at both ends, by name. */
export function requestFieldPairs({ base, head }: OperationPair): FieldPair[] {
  return head.fields.flatMap((h) => {
    const b = base.fields.find((f) => f.name === h.name);
    return b ? [{ op: head, base: b, head: h }] : [];
  });
}

/** Request fields of `to` that `from` does not have (added, or with the ends swapped, removed). */
export const newFields = (from: OperationModel, to: OperationModel): FieldModel[] =>
  to.fields.filter((f) => !from.fields.some((b) => b.name === f.name));

/** The JSON types a schema allows; empty when it says nothing (any type). */
export function typesOf(schema: JsonSchema): Set<string> {
  const f = facts(schema);
  if (Array.isArray(f.type)) return new Set(f.type as string[]);
  if (typeof f.type === "string") return new Set([f.type]);
  if ("const" in f) return new Set([f.const === null ? "null" : typeof f.const]);
  return new Set();
}

export interface BodyPair {
  op: OperationModel;
  status: string;
  mediaType: string;
  base: JsonSchema;
  head: JsonSchema;
}

/** Response bodies documented at both ends (same status, same media type). */
export function responseBodyPairs({ base, head }: OperationPair): BodyPair[] {
  return head.responses.flatMap((h) => {
    const b = base.response(h.status);
    if (!b) return [];
    return h.contents.flatMap((content) => {
      const before = b.contents.find((c) => c.mediaType === content.mediaType);
      return before
        ? [
            {
              op: head,
              status: h.status,
              mediaType: content.mediaType,
              base: before.schema,
              head: content.schema,
            },
          ]
        : [];
    });
  });
}

export interface TokenPair {
  op: OperationModel;
  /** "POST /path response 200 application/json field access_token": where a finding points. */
  where: string;
  base: TokenFieldModel;
  head: TokenFieldModel;
}

/** JWT-valued response fields documented at both ends (same status, media type and name). */
export function responseTokenPairs({ base, head }: OperationPair): TokenPair[] {
  return head.responses.flatMap((after) =>
    after.contents.flatMap((content) => {
      const before = base
        .response(after.status)
        ?.contents.find((c) => c.mediaType === content.mediaType);
      return content.tokens.flatMap((token) => {
        const old = before?.tokens.find((t) => t.name === token.name);
        const where = `${whereOf(head)} response ${after.status} ${content.mediaType} field ${token.name}`;
        return old ? [{ op: head, where, base: old, head: token }] : [];
      });
    }),
  );
}

export interface PropertyPair {
  /** Dotted path from the body, e.g. "release_version" or "user.id". */
  path: string;
  base: JsonSchema | undefined;
  head: JsonSchema | undefined;
  baseRequired: boolean;
  headRequired: boolean;
}

/** Every object property at either end, nested objects included (to a depth of 8). */
export function propertyPairs(base: JsonSchema, head: JsonSchema, prefix = "", depth = 0) {
  const found: PropertyPair[] = [];
  if (depth > 8) return found;
  const [b, h] = [facts(base), facts(head)];
  const names = new Set([...Object.keys(b.properties ?? {}), ...Object.keys(h.properties ?? {})]);
  for (const name of names) {
    const pair: PropertyPair = {
      path: `${prefix}${name}`,
      base: b.properties?.[name],
      head: h.properties?.[name],
      baseRequired: (b.required ?? []).includes(name),
      headRequired: (h.required ?? []).includes(name),
    };
    found.push(pair);
    if (pair.base && pair.head) {
      found.push(...propertyPairs(pair.base, pair.head, `${pair.path}.`, depth + 1));
    }
  }
  return found;
}

/** Every property of every response body documented at both ends. */
export function responsePropertyPairs(pair: OperationPair) {
  return responseBodyPairs(pair).flatMap((body) =>
    propertyPairs(body.base, body.head).map((property) => ({ ...body, property })),
  );
}

export const responseWhere = (body: BodyPair, path?: string): string =>
  `${body.op.method.toUpperCase()} ${body.op.path} response ${body.status} ${body.mediaType}${path ? ` field ${path}` : ""}`;

export const fieldWhere = (op: OperationModel, field: string): string =>
  `${op.method.toUpperCase()} ${op.path} request field ${field}`;

/** A JSON value in a message: short, and never a secret-looking blob. */
export const shown = (value: unknown): string => {
  const text = JSON.stringify(value) ?? "undefined";
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};
