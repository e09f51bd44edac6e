// New example values: the mock answers them (static mode), the docs samples, the try-it console
// and the Postman variables send them. No contract changes. Values are not printed: some are
// example secrets.
import { artifactsOf, whereOf } from "../affects.ts";
import type { OperationPair, Report, Rule } from "../types.ts";
import { fieldWhere, requestFieldPairs } from "../walk.ts";

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function changedResponseExamples({ base, head }: OperationPair): string[] {
  return head.responses.flatMap((after) =>
    after.contents.flatMap((content) => {
      const before = base
        .response(after.status)
        ?.contents.find((c) => c.mediaType === content.mediaType);
      if (!before) return [];
      const names = new Set([...before.examples, ...content.examples].map((e) => e.name));
      return [...names]
        .filter(
          (name) =>
            !same(
              before.examples.find((e) => e.name === name)?.value,
              content.examples.find((e) => e.name === name)?.value,
            ),
        )
        .map(
          (name) =>
            `${whereOf(head)} response ${after.status} ${content.mediaType} example ${name}`,
        );
    }),
  );
}

export default {
  id: "example-changed",
  level: "patch",
  summary: "an example changed, added or removed (request field or response)",
  check: ({ pairs }) =>
    pairs.flatMap((pair) => {
      const a = artifactsOf(pair.head);
      const fields = requestFieldPairs(pair)
        .filter((f) => f.base.example !== f.head.example)
        .map(
          (f): Report => ({
            operationId: pair.head.operationId,
            where: fieldWhere(pair.head, f.head.name),
            message: `${f.head.name}'s example changed.`,
            affects: [`${a.postman} (variable ${f.head.name})`, "docs samples and try-it console"],
          }),
        );
      const responses = changedResponseExamples(pair).map(
        (where): Report => ({
          operationId: pair.head.operationId,
          where,
          message: "A response example changed.",
          affects: [a.mock("answers the new example"), a.docs],
        }),
      );
      return [...fields, ...responses];
    }),
} satisfies Rule;
