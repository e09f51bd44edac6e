// Contract: @klearstack/client against the real mock, over every operation of the spec and both
// encodings: a typed 200 that validates against the spec, the documented 500 text through the
// typed error for every missing field, and the bodyless 401 as KlearStackUnauthorizedError.
import {
  createKlearStackClient,
  decodeToken,
  type Encoding,
  KlearStackApiError,
  KlearStackUnauthorizedError,
} from "@klearstack/client";
import { useMock } from "@klearstack/mock/testing";
import { describe, expect, it } from "vitest";
import { methodOf, operations } from "../../packages/client/test/support/fixtures.ts";
import {
  expectQuietly,
  rejectionOf,
} from "../../packages/client/test/support/secret-safe-assertions.ts";
import { fetchWithout } from "./support/altered-fetch.ts";
import { argumentsFor } from "./support/calls.ts";
import { responseErrors } from "./support/response-errors.ts";

const mock = useMock();
const encodings: Encoding[] = ["urlencoded", "multipart"];
const cases = operations.flatMap((op) =>
  encodings.map((encoding) => [op.operationId, encoding, op] as const),
);

describe.each(cases)("client -> mock: %s, %s", (_, encoding, op) => {
  it("gets a typed 200 whose body validates against the spec, tokens that decode", async () => {
    const client = createKlearStackClient({ baseUrl: mock.url, encoding });
    const [fields, options] = await argumentsFor(client, op);
    const body = await methodOf(client, op)(fields, options);
    expect(responseErrors(op, 200, "application/json", body)).toEqual([]);
    for (const token of op.success?.body?.tokens ?? []) {
      const value = (body as Record<string, string>)[token.name] ?? "";
      expect(decodeToken(value).claims.token_type).toBe(token.tokenType);
      expectQuietly(
        decodeToken(value).expiresAt.getTime() > Date.now(),
        `${token.name} is expired`,
      );
    }
  });

  it.each(op.missingParameters.map((m) => [m.field, m]))(
    "gets the documented 500 naming a missing %s, as a KlearStackApiError with its text",
    async (_, missing) => {
      let requests = 0;
      const without = fetchWithout(missing.field);
      const client = createKlearStackClient({
        baseUrl: mock.url,
        encoding,
        fetch: (input, init) => {
          requests++;
          return without(input, init);
        },
      });
      const [fields, options] = await argumentsFor(
        createKlearStackClient({ baseUrl: mock.url }),
        op,
      );
      const error = await rejectionOf(methodOf(client, op)(fields, options));
      expect(error).toBeInstanceOf(KlearStackApiError);
      expect(error).toMatchObject({ status: 500, body: missing.text });
      expect(
        responseErrors(op, 500, missing.mediaType, (error as KlearStackApiError).body),
      ).toEqual([]);
      expect((error as Error).message).toContain(missing.text);
      expect(requests).toBe(1); // the documented 500 is not retried
    },
  );

  if (op.bearer) {
    it("gets the documented 401 for the spec's (long expired) example token, as KlearStackUnauthorizedError", async () => {
      const client = createKlearStackClient({ baseUrl: mock.url, encoding });
      const [fields] = await argumentsFor(client, op);
      const error = await rejectionOf(
        methodOf(client, op)(fields, { accessToken: op.bearer?.example }),
      );
      expect(error).toBeInstanceOf(KlearStackUnauthorizedError);
      expect(error).toMatchObject({ status: 401, body: "", kind: "unauthorized" });
      expect(op.response(401)?.body).toBeUndefined(); // the spec documents no body either
    });
  }
});
