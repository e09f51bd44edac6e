// The console's typed fields, from the fixture's operation that takes one field of every kind:
// the model serialised into the page gives each field its control (kind, choices, bounds), and
// the request sends what the controls hold as the wire wants it (repeated keys, a File only in
// multipart), the same request "Copy as curl" writes. Fields are picked by kind, never by name.
import { loadApiModel } from "@klearstack/spec";
import { UNSEEN_OPERATION_ID, unseenOperationDocument } from "@klearstack/spec/fixtures";
import { describe, expect, it } from "vitest";
import { curlOf } from "../src/console/browser/curl.ts";
import { fetchArguments, InputError, prepareRequest } from "../src/console/browser/request.ts";
import { consoleModelOf } from "../src/console/model.ts";

const model = await loadApiModel({ document: unseenOperationDocument() });
const op = consoleModelOf(model).operations.find((o) => o.operationId === UNSEEN_OPERATION_ID)!;
const fieldOf = (kind: string, test: (f: (typeof op.fields)[number]) => boolean = () => true) => {
  const found = op.fields.find((f) => f.kind === kind && test(f));
  if (!found) throw new Error(`the fixture needs a ${kind} field`);
  return found;
};
const input = (encoding: string, values: [string, string | File][]) => ({
  baseUrl: "http://127.0.0.1:4010",
  encoding,
  bearerToken: "",
  values,
});

describe("typed fields in the console", () => {
  it("serialises each field's kind, its choices and its bounds for the controls", () => {
    const kinds = new Set(op.fields.map((f) => f.kind));
    expect(kinds).toEqual(new Set(["string", "integer", "number", "boolean", "array", "file"]));
    expect(fieldOf("string", (f) => f.choices !== undefined).choices?.length).toBeGreaterThan(1);
    expect(fieldOf("array").choices?.length).toBeGreaterThan(1);
    const bounded = fieldOf("integer");
    expect([typeof bounded.minimum, typeof bounded.maximum]).toEqual(["number", "number"]);
    // An array starts with its example's values, one per line.
    expect(fieldOf("array").example?.split("\n").length).toBeGreaterThan(1);
  });

  it("sends an array as repeated keys and a file as a file part, in multipart", async () => {
    const list = fieldOf("array");
    const file = fieldOf("file");
    const [first = "", second = ""] = list.choices ?? [];
    const note = new File(["hello"], "hello.txt", { type: "text/plain" });
    const request = prepareRequest(
      op,
      input("multipart/form-data", [
        [list.name, first],
        [list.name, second],
        [file.name, note],
      ]),
    );
    const body = fetchArguments(request)[1].body as FormData;
    expect(body.getAll(list.name)).toEqual([first, second]);
    expect(await (body.get(file.name) as File).text()).toBe("hello");
    const curl = curlOf(op, request);
    expect(curl).toContain(`--form '${file.name}=@hello.txt'`);
    expect(curl.split(`${list.name}=`).length - 1).toBe(2);
  });

  it("refuses a file in an urlencoded request, naming the field", () => {
    const file = fieldOf("file");
    expect(() =>
      prepareRequest(
        op,
        input("application/x-www-form-urlencoded", [[file.name, new File([], "x")]]),
      ),
    ).toThrow(new InputError(`${file.name} is a file: choose the multipart encoding to send it.`));
  });
});
