// The built collection cut down to what one operation's drift case needs: that operation's
// requests (in every encoding folder), and before them every request that sets a variable they
// send, and so on (a login for a call that needs its token). Order, folders and everything
// collection-wide stay as built. A drift bends only its operation's answers, so the requests left
// out could neither catch it nor be affected by it; the whole collection still runs against the
// mock, and once against a drift through the newman CLI.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { collectionFile } from "@klearstack/postman";
import type { OperationModel } from "@klearstack/spec";

interface Item {
  name: string;
  item?: Item[];
  request?: { method: string; url: { path?: string[] } };
  event?: { script?: { exec?: string[] } }[];
}
interface Collection {
  item: Item[];
}

/** Variables an item sends: every `{{name}}` in its request. */
const sent = (item: Item) =>
  new Set([...JSON.stringify(item.request ?? {}).matchAll(/\{\{([^{}]+)\}\}/g)].map((m) => m[1]));

/** Variables an item's scripts set for the requests after it. */
const setBy = (item: Item) =>
  new Set(
    (item.event ?? [])
      .flatMap((e) => e.script?.exec ?? [])
      .flatMap((line) => [...line.matchAll(/pm\.\w+\.set\(\s*["']([^"']+)["']/g)].map((m) => m[1])),
  );

const requestsOf = (items: Item[]): Item[] =>
  items.flatMap((item) => (item.item ? requestsOf(item.item) : item.request ? [item] : []));

/** Whether a request addresses the operation (method and path, `{param}` as `:param`). */
const addresses = (item: Item, op: Pick<OperationModel, "method" | "path">) =>
  item.request?.method === op.method.toUpperCase() &&
  `/${(item.request.url.path ?? []).join("/")}` === op.path.replace(/\{([^}]+)\}/g, ":$1");

/** The built collection, read once per test file: every case slices the same one. */
let built: Collection | undefined;

export function collectionFor(op: Pick<OperationModel, "method" | "path" | "operationId">): object {
  built ??= JSON.parse(readFileSync(fileURLToPath(collectionFile), "utf8")) as Collection;
  const all = requestsOf(built.item);
  const kept = new Set(all.filter((item) => addresses(item, op)));
  if (kept.size === 0) throw new Error(`the built collection has no request of ${op.operationId}`);
  const needed = new Set([...kept].flatMap((item) => [...sent(item)]));
  for (let grew = true; grew; ) {
    grew = false;
    for (const item of all) {
      if (kept.has(item) || ![...setBy(item)].some((name) => needed.has(name))) continue;
      kept.add(item);
      for (const name of sent(item)) needed.add(name);
      grew = true;
    }
  }
  const prune = (items: Item[]): Item[] =>
    items.flatMap((item) => {
      if (!item.item) return kept.has(item) ? [item] : [];
      const inner = prune(item.item);
      return inner.length ? [{ ...item, item: inner }] : [];
    });
  return { ...built, item: prune(built.item) };
}
