// Reworded descriptions (of an operation, its request body, a request field or a response) change
// the docs, the CLI's help and the client's doc comments; no behaviour.
import { artifactsOf, whereOf } from "../affects.ts";
import type { OperationPair, Report, Rule } from "../types.ts";
import { fieldWhere, requestFieldPairs } from "../walk.ts";

function changes({
  base,
  head,
}: OperationPair): [string, string | undefined, string | undefined][] {
  const at = whereOf(head);
  return [
    [at, base.description, head.description],
    [`${at} request body`, base.request?.description, head.request?.description],
    ...requestFieldPairs({ base, head }).map(
      (f): [string, string | undefined, string | undefined] => [
        fieldWhere(head, f.head.name),
        f.base.description,
        f.head.description,
      ],
    ),
    ...head.responses.map((r): [string, string | undefined, string | undefined] => [
      `${at} response ${r.status}`,
      base.response(r.status)?.description ?? r.description,
      r.description,
    ]),
  ];
}

export default {
  id: "description-changed",
  level: "patch",
  summary: "a description reworded (operation, request body, request field, response)",
  check: ({ pairs }) =>
    pairs.flatMap((pair) =>
      changes(pair)
        .filter(([, before, after]) => (before ?? "").trim() !== (after ?? "").trim())
        .map(
          ([where]): Report => ({
            operationId: pair.head.operationId,
            where,
            message: "The description was reworded.",
            affects: [artifactsOf(pair.head).docs, "CLI --help", "client doc comments"],
          }),
        ),
    ),
} satisfies Rule;
