// collection ↔ mock: the generated collection, run by newman with its generated tests against the
// real mock, is green.
import { readFileSync } from "node:fs";
import { collectionFile } from "@klearstack/postman";
import { tokenOperation } from "@klearstack/spec";
import { describe, expect, it } from "vitest";
import { useMock } from "../support/mock.ts";
import { runCollection } from "./newman.ts";

describe("newman run of the generated collection against the mock", () => {
  const mock = useMock();

  it("is green against the mock: every request, every generated assertion", async () => {
    const run = await runCollection(mock.url);
    expect(run.failed, run.output).toEqual([]);
    expect(run.code).toBe(0);
    // Every request in the collection ran, each with its three generated assertions: per encoding,
    // the complete request and one per documented missing parameter.
    const { requestMediaTypes, errorTexts } = tokenOperation();
    const collection = JSON.parse(readFileSync(collectionFile, "utf8")) as {
      item: { item: unknown[] }[];
    };
    const requests = collection.item.flatMap((folder) => folder.item).length;
    expect(requests).toBe(requestMediaTypes.length * (1 + errorTexts.length));
    expect(run.requests).toBe(requests);
    expect(run.passed).toHaveLength(3 * requests);
    expect(run.leaked, "tokens whose text newman printed (names only)").toEqual([]);
  }, 60_000);
});
