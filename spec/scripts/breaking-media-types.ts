// The one gap in Optic 1.0.9's breaking-changes ruleset (measured: it reports a removed request or
// response media type as a plain change, not a failure). A client still sending multipart, or
// still expecting text/plain, breaks all the same, so this check covers exactly that.
import type { OpenApiDocument } from "../index.ts";

const methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

type Node = Record<string, unknown>;

/** Follows a local `#/...` reference (responses and request bodies may live in components). */
function resolve(doc: OpenApiDocument, node: unknown): Node | undefined {
  if (!node || typeof node !== "object") return undefined;
  const ref = (node as Node).$ref;
  if (typeof ref !== "string" || !ref.startsWith("#/")) return node as Node;
  let target: unknown = doc;
  for (const part of ref.slice(2).split("/")) {
    target = (target as Node | undefined)?.[part.replaceAll("~1", "/").replaceAll("~0", "~")];
  }
  return resolve(doc, target);
}

const mediaTypes = (doc: OpenApiDocument, holder: unknown): string[] =>
  Object.keys((resolve(doc, holder)?.content as Node | undefined) ?? {});

/** Media types a client may rely on that exist in `base` and are gone from `head`. */
export function removedMediaTypes(base: OpenApiDocument, head: OpenApiDocument): string[] {
  const found: string[] = [];
  for (const [path, baseItem] of Object.entries(base.paths ?? {})) {
    for (const method of methods) {
      const baseOp = baseItem?.[method];
      const headOp = head.paths?.[path]?.[method];
      // A removed operation or status code is Optic's to report.
      if (!baseOp || !headOp) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const headRequest = new Set(mediaTypes(head, headOp.requestBody));
      for (const type of mediaTypes(base, baseOp.requestBody)) {
        if (!headRequest.has(type))
          found.push(`${where}: request body ${type} removed — clients sending it will be refused`);
      }
      for (const [status, baseResponse] of Object.entries(baseOp.responses ?? {})) {
        const headResponse = headOp.responses?.[status];
        if (!headResponse) continue;
        const headTypes = new Set(mediaTypes(head, headResponse));
        for (const type of mediaTypes(base, baseResponse)) {
          if (!headTypes.has(type))
            found.push(`${where}: response ${status} ${type} removed — clients parse it`);
        }
      }
    }
  }
  return found;
}
