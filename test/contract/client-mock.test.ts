// Contract: @klearstack/client against the real mock. Both encodings get a 200 that validates
// against the spec; the documented 500 arrives as a KlearStackApiError carrying the text.
import {
  createKlearStackClient,
  createTokenSession,
  decodeToken,
  type Encoding,
  formEncodings,
  KlearStackApiError,
  tokenPath,
} from "@klearstack/client";
import { describe, expect, it } from "vitest";
import { useMock } from "../support/mock.ts";
import { fetchWith, fetchWithout } from "./support/mock.ts";
import { expectQuietly, rejectionOf } from "./support/quiet.ts";
import {
  documentedErrorTexts,
  documentedMissingText,
  exampleInput as input,
  responseErrors,
} from "./support/spec.ts";

const mock = useMock();
const encodings: Encoding[] = ["urlencoded", "multipart"];

describe.each(encodings)("client -> mock, %s", (encoding) => {
  it("gets a typed 200 whose body validates against the spec", async () => {
    const client = createKlearStackClient({ baseUrl: mock.url, encoding });
    const pair = await client.getAccessTokenFromUserId(input);
    expect(responseErrors(200, "application/json", pair)).toEqual([]);
    expect(decodeToken(pair.access_token).claims.token_type).toBe("access");
    expect(decodeToken(pair.refresh_token).claims.token_type).toBe("refresh");
  });

  it("gets the documented 500 for `Prefer: code=500` as a KlearStackApiError with its text", async () => {
    let requests = 0;
    const prefer = fetchWith("Prefer", "code=500");
    const client = createKlearStackClient({
      baseUrl: mock.url,
      encoding,
      fetch: (input, init) => {
        requests++;
        return prefer(input, init);
      },
    });
    const error = await rejectionOf(client.getAccessTokenFromUserId(input));
    expect(error).toBeInstanceOf(KlearStackApiError);
    const { status, body } = error as KlearStackApiError;
    expect(status).toBe(500);
    expect(documentedErrorTexts).toContain(body);
    expect(responseErrors(500, "text/plain", body)).toEqual([]);
    expect(requests).toBe(1); // the documented 500 is not retried
  });

  it.each(["user_id", "company_name"] as const)(
    "gets the documented 500 naming a missing %s, through the typed client",
    async (field) => {
      const client = createKlearStackClient({
        baseUrl: mock.url,
        encoding,
        fetch: fetchWithout(field),
      });
      const error = await rejectionOf(client.getAccessTokenFromUserId(input));
      expect(error).toBeInstanceOf(KlearStackApiError);
      expect(error).toMatchObject({ status: 500, body: documentedMissingText(field) });
      expect((error as Error).message).toContain(documentedMissingText(field));
    },
  );

  it("gets the documented 500 for a missing field through the raw client (no validation there)", async () => {
    const { raw } = createKlearStackClient({ baseUrl: mock.url });
    const { data, error, response } = await raw.POST(tokenPath, {
      // @ts-expect-error company_name is required: the raw client's types know it, the API enforces it
      body: { user_id: input.user_id },
      ...formEncodings[encoding],
    });
    expectQuietly(data === undefined, "the raw client returned data for a 500");
    expect(response.status).toBe(500);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(error).toBe(documentedMissingText("company_name"));
  });
});

describe("token session -> mock", () => {
  it("gets an access token, and shares one request among concurrent callers", async () => {
    let requests = 0;
    const client = createKlearStackClient({
      baseUrl: mock.url,
      fetch: (input, init) => {
        requests++;
        return fetch(input, init);
      },
    });
    const session = createTokenSession({ client, ...input });
    const tokens = await Promise.all([session.getAccessToken(), session.getAccessToken()]);
    expectQuietly(tokens[0] === tokens[1], "concurrent callers got different tokens");
    expect(decodeToken(tokens[0]).claims.token_type).toBe("access");
    expect(requests).toBe(1);
  });
});
