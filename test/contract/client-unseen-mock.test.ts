// Contract: an operation the client has never seen (the spec's fixture), against the real mock
// serving the fixture spec. The client is regenerated from that spec into a temp copy of the
// package (packages/client/test/support/unseen-client.ts: `scripts/generate.ts --spec --out`),
// with no edit; its new method then gets a typed 200 that validates against the fixture spec, the
// documented 500 for a missing field, and the bodyless 401, in both encodings. No file here names
// the operation: it is UNSEEN_OPERATION_ID.
import { pathToFileURL } from "node:url";
import { useMock } from "@klearstack/mock/testing";
import { createSpecValidator, loadApiModel } from "@klearstack/spec";
import { UNSEEN_OPERATION_ID, unseenOperationDocument } from "@klearstack/spec/fixtures";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  exampleInput,
  loginsOf,
  methodOf,
  tokensOf,
} from "../../packages/client/test/support/fixtures.ts";
import { rejectionOf } from "../../packages/client/test/support/secret-safe-assertions.ts";
import { unseenClient } from "../../packages/client/test/support/unseen-client.ts";
import { fetchWithout } from "./support/altered-fetch.ts";

type Sdk = typeof import("@klearstack/client");

// The fixture spec's model, read at collection time so that its missing fields become test cases.
const model = await loadApiModel({ document: unseenOperationDocument() });
const op = model.operation(UNSEEN_OPERATION_ID);
const [login] = loginsOf(model);
if (!login) throw new Error("the fixture spec has no login call");

let regenerated: Awaited<ReturnType<typeof unseenClient>>;
let sdk: Sdk;

beforeAll(async () => {
  regenerated = await unseenClient();
  sdk = await import(pathToFileURL(regenerated.index).href);
});
afterAll(() => regenerated?.remove());
const mock = useMock(() => ({ specPath: regenerated.specPath }));

/** A real access token from the mock, through the regenerated client's login call. */
async function accessToken(): Promise<string> {
  const client = sdk.createKlearStackClient({ baseUrl: mock.url });
  if (!login) throw new Error("no login call");
  return tokensOf(login, await methodOf(client, login)(login.exampleFields)).access ?? "";
}

describe.each(["urlencoded", "multipart"] as const)(
  "the unseen operation against the mock, %s",
  (encoding) => {
    it("answers a typed 200 that validates against the fixture spec", async () => {
      const client = sdk.createKlearStackClient({ baseUrl: mock.url, encoding });
      const body = await methodOf(client, op)(exampleInput(op), {
        accessToken: await accessToken(),
      });
      const pointer = op.success?.body?.schemaPointer ?? "";
      expect(createSpecValidator(model)(pointer, body)).toEqual([]);
    });

    it.each(op.missingParameters.map((m) => [m.field, m]))(
      "answers the documented 500 for a missing %s, through the typed error",
      async (_, missing) => {
        const client = sdk.createKlearStackClient({
          baseUrl: mock.url,
          encoding,
          fetch: fetchWithout(missing.field),
        });
        const error = await rejectionOf(
          methodOf(client, op)(exampleInput(op), {
            accessToken: await accessToken(),
          }),
        );
        expect(error).toBeInstanceOf(sdk.KlearStackApiError);
        expect(error).toMatchObject({ status: 500, body: missing.text });
      },
    );

    it("answers the bodyless 401 to an invalid token, as KlearStackUnauthorizedError", async () => {
      const client = sdk.createKlearStackClient({ baseUrl: mock.url, encoding });
      const error = await rejectionOf(
        methodOf(client, op)(exampleInput(op), { accessToken: "not.a.valid-token" }),
      );
      expect(error).toBeInstanceOf(sdk.KlearStackUnauthorizedError);
      expect(error).toMatchObject({ status: 401, body: "" });
    });
  },
);
