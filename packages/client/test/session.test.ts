// createTokenSession against an in-memory API on a fake clock: it logs in on first use, refreshes
// within the margin, logs in again when the refresh is refused or the refresh token runs out,
// shares one request, tolerates clock skew, and never logs a token. session.fetch adds the token
// and survives one 401.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  createKlearStackClient,
  createTokenSession,
  KlearStackApiError,
  KlearStackNetworkError,
  type TokenSessionOptions,
} from "../src/index.ts";
import { fakeApi, loginOptions, refreshOperation, refreshTokenField } from "./support/fake-api.ts";
import { exampleFields, logins } from "./support/fixtures.ts";
import {
  expectDifferentSecret,
  expectNoSecret,
  expectSameSecret,
  rejectionOf,
} from "./support/secret-safe-assertions.ts";

const baseUrl = "https://klearstack.invalid";
const refreshId = refreshOperation.operationId;

beforeEach(() => {
  vi.useFakeTimers({ now: new Date("2026-01-01T00:00:00Z") });
});
afterEach(() => {
  vi.useRealTimers();
});

function sessionOn(
  api: ReturnType<typeof fakeApi>,
  login = logins[0]!,
  options: Partial<TokenSessionOptions> = {},
) {
  const lines: string[] = [];
  const log = (line: string) => lines.push(line);
  const client = createKlearStackClient({
    baseUrl,
    fetch: api.fetch,
    retry: false,
    logger: { debug: log, warn: log },
  });
  const session = createTokenSession({ client, login: loginOptions(login), ...options });
  return { session, lines };
}

describe.each(logins.map((op) => [op.operationId, op] as const))(
  "logging in with %s",
  (loginId, login) => {
    it("logs in on first use, with the fields given once, and reuses the token", async () => {
      const api = fakeApi();
      const { session } = sessionOn(api, login);
      const token = await session.getAccessToken();
      expectSameSecret(await session.getAccessToken(), token, "the access token");
      expect(api.calls).toEqual([loginId]);
      expect(api.received[0]?.fields).toEqual(exampleFields(login));
    });

    it("refreshes through the refresh call once within the margin, with the pair it holds", async () => {
      const api = fakeApi();
      const { session } = sessionOn(api, login, { marginSeconds: 300 });
      const first = await session.getAccessToken();
      const loginAnswer = api.received[0];

      vi.advanceTimersByTime(599_000); // 301 s left: outside the margin
      expectSameSecret(await session.getAccessToken(), first, "the access token");
      vi.advanceTimersByTime(1_000); // 300 s left: inside
      const second = await session.getAccessToken();
      expectDifferentSecret(second, first, "the refreshed access token");
      expect(api.calls).toEqual([loginId, refreshId]);

      const refresh = api.received[1];
      expectSameSecret(
        refresh?.authorization,
        `Bearer ${first}`,
        "the refresh call's bearer token",
      );
      // Its other fields come from the login's fields of the same name.
      for (const field of refreshOperation.fields) {
        if (field.name === refreshTokenField) continue;
        expect(refresh?.fields[field.name]).toBe(exampleFields(login)[field.name]);
      }
      expect(refresh?.fields[refreshTokenField]).toBeDefined();
      expect(loginAnswer).toBeDefined();
    });
  },
);

describe("the session's schedule", () => {
  it("shares one in-flight request among concurrent callers", async () => {
    const api = fakeApi();
    const { session } = sessionOn(api);
    const tokens = await Promise.all(Array.from({ length: 10 }, () => session.getAccessToken()));
    expect(new Set(tokens).size).toBe(1);
    expect(api.calls).toHaveLength(1);
  });

  it("caps the margin at half the access token's lifetime, so short-lived tokens are still used", async () => {
    const api = fakeApi({ accessTtl: 2, refreshTtl: 6 });
    const { session } = sessionOn(api);
    await session.getAccessToken();
    vi.advanceTimersByTime(900);
    await session.getAccessToken();
    expect(api.calls).toHaveLength(1); // 1.1 s left of 2: still used
    vi.advanceTimersByTime(100);
    await session.getAccessToken();
    expect(api.calls).toEqual([logins[0]?.operationId, refreshId]);
  });

  it("logs in again, without trying, once the refresh token is within the margin of its expiry", async () => {
    const api = fakeApi({ accessTtl: 2, refreshTtl: 6 });
    const { session } = sessionOn(api);
    for (let second = 0; second < 6; second++) {
      await session.getAccessToken();
      vi.advanceTimersByTime(1_000);
    }
    // t=0 login, t=1..4 refresh (refresh token valid until 6, margin 1 s), t=5 login again.
    const login = logins[0]?.operationId;
    expect(api.calls).toEqual([login, refreshId, refreshId, refreshId, refreshId, login]);
  });

  it("logs in again when the refresh is refused (401)", async () => {
    const api = fakeApi();
    const { session, lines } = sessionOn(api);
    await session.getAccessToken();
    api.revoke(api.answers[0]?.tokens.refresh ?? "");
    vi.advanceTimersByTime(600_000);
    await session.getAccessToken();
    expect(api.calls).toEqual([logins[0]?.operationId, refreshId, logins[0]?.operationId]);
    expect(lines.join("\n")).toMatch(/refused \(401\); logging in again/);
  });

  it("logs in, rather than refresh with an expired bearer token, after a long idle", async () => {
    const api = fakeApi();
    const { session } = sessionOn(api);
    await session.getAccessToken();
    vi.advanceTimersByTime(901_000);
    await session.getAccessToken();
    expect(api.calls).toEqual([logins[0]?.operationId, logins[0]?.operationId]);
  });

  it("does not cache a failure: the next call tries again", async () => {
    const api = fakeApi();
    let down = true;
    const client = createKlearStackClient({
      baseUrl,
      retry: false,
      fetch: (input, init) =>
        down ? Promise.reject(new TypeError("fetch failed")) : api.fetch(input, init),
    });
    const session = createTokenSession({ client, login: loginOptions(logins[0]!) });
    expect(await rejectionOf(session.getAccessToken())).toBeInstanceOf(KlearStackNetworkError);
    down = false;
    expect(typeof (await session.getAccessToken())).toBe("string");
  });

  it("invalidate() forgets the tokens, and an answer that started before it is not kept", async () => {
    const api = fakeApi();
    const { session } = sessionOn(api);
    const stale = session.getAccessToken();
    session.invalidate();
    const fresh = await session.getAccessToken();
    expectDifferentSecret(await stale, fresh, "the stale access token");
    expectSameSecret(await session.getAccessToken(), fresh, "the access token");
    expect(api.calls).toHaveLength(2);
  });
});

describe("clock skew", () => {
  it.each([
    ["an hour behind", -3600],
    ["an hour ahead", 3600],
    ["3 s ahead", 3],
  ])(
    "with the server's clock %s, one token still serves until the margin, then one refresh",
    async (_, serverAhead) => {
      const api = fakeApi({ serverAhead });
      const { session } = sessionOn(api, logins[0], { marginSeconds: 300 });
      await session.getAccessToken();
      vi.advanceTimersByTime(590_000);
      await session.getAccessToken();
      expect(api.calls).toHaveLength(1);
      vi.advanceTimersByTime(15_000);
      await session.getAccessToken();
      expect(api.calls).toEqual([logins[0]?.operationId, refreshId]);
    },
  );

  it("clockSkewSeconds: 0 trusts the local clock: a server an hour behind hands out tokens that look expired", async () => {
    const api = fakeApi({ serverAhead: -3600 });
    const { session } = sessionOn(api, logins[0], { clockSkewSeconds: 0 });
    await session.getAccessToken();
    await session.getAccessToken();
    expect(api.calls).toEqual([logins[0]?.operationId, logins[0]?.operationId]);
  });

  it("a fixed clockSkewSeconds is used as given", async () => {
    const api = fakeApi({ serverAhead: 3600 });
    const { session } = sessionOn(api, logins[0], { clockSkewSeconds: 3600, marginSeconds: 300 });
    await session.getAccessToken();
    vi.advanceTimersByTime(599_000);
    await session.getAccessToken();
    expect(api.calls).toHaveLength(1);
  });
});

describe("no token in a log or an error", () => {
  it("logs what happened, never a token", async () => {
    const api = fakeApi({ accessTtl: 2, refreshTtl: 6 });
    const { session, lines } = sessionOn(api);
    const tokens: string[] = [];
    for (let second = 0; second < 8; second++) {
      tokens.push(await session.getAccessToken());
      vi.advanceTimersByTime(1_000);
    }
    expect(lines.length).toBeGreaterThan(0);
    expectNoSecret(lines.join("\n"), tokens, "the log");
  });

  it("an answer without a readable token is an error that names the property, not the value", async () => {
    const client = createKlearStackClient({
      baseUrl,
      fetch: async () =>
        new Response(
          JSON.stringify({
            access_token: "not-a-jwt",
            refresh_token: "x",
            release_version: "1.2.3",
          }),
          {
            headers: { "Content-Type": "application/json" },
          },
        ),
    });
    const session = createTokenSession({ client, login: loginOptions(logins[0]!) });
    const error = await rejectionOf(session.getAccessToken());
    // The client refuses it before the session sees it (test/token-fields.test.ts).
    expect(error).toBeInstanceOf(KlearStackApiError);
    expect((error as Error).message).toMatch(/_token is not a JWT/);
    expect((error as Error).message).not.toContain("not-a-jwt");
  });

  it("refuses a client that createKlearStackClient did not make", () => {
    expect(() => createTokenSession({ client: {}, login: loginOptions(logins[0]!) })).toThrow(
      /must come from createKlearStackClient/,
    );
  });
});

describe("session.fetch", () => {
  const endpoint = "/other/bearer/endpoint";

  function apiWithEndpoint(answer: (authorization: string | null, body: string) => Response) {
    const api = fakeApi();
    const hits: { authorization: string | null; body: string }[] = [];
    const fetch = async (input: string | URL | Request, init?: RequestInit) => {
      const request = new Request(input, init);
      if (new URL(request.url).pathname !== endpoint) return api.fetch(request);
      const hit = {
        authorization: request.headers.get("authorization"),
        body: await request.text(),
      };
      hits.push(hit);
      return answer(hit.authorization, hit.body);
    };
    const client = createKlearStackClient({ baseUrl, fetch, retry: false });
    const session = createTokenSession({ client, login: loginOptions(logins[0]!) });
    return { api, hits, session };
  }

  it("joins a relative path to the baseUrl and adds the access token", async () => {
    const { hits, session } = apiWithEndpoint(() => new Response("ok"));
    const response = await session.fetch(endpoint);
    expect(await response.text()).toBe("ok");
    expectSameSecret(
      hits[0]?.authorization,
      `Bearer ${await session.getAccessToken()}`,
      "the bearer token",
    );
  });

  it("on a 401 renews the token once (through the refresh call) and retries once, body included", async () => {
    let answered = 0;
    const { api, hits, session } = apiWithEndpoint(() =>
      ++answered === 1 ? new Response(null, { status: 401 }) : new Response("ok"),
    );
    const response = await session.fetch(`${baseUrl}${endpoint}`, {
      method: "POST",
      body: "payload",
    });
    expect(response.status).toBe(200);
    expect(hits.map((hit) => hit.body)).toEqual(["payload", "payload"]);
    expectDifferentSecret(
      hits[1]?.authorization,
      hits[0]?.authorization,
      "the retried bearer token",
    );
    expect(api.calls).toEqual([logins[0]?.operationId, refreshId]);
  });

  it("a second 401 is handed back, not retried again", async () => {
    const { hits, session } = apiWithEndpoint(() => new Response(null, { status: 401 }));
    expect((await session.fetch(endpoint)).status).toBe(401);
    expect(hits).toHaveLength(2);
  });

  it("refuses another origin, and sends the token nowhere", async () => {
    const { api, hits, session } = apiWithEndpoint(() => new Response("ok"));
    const error = await rejectionOf(session.fetch("https://elsewhere.invalid/steal"));
    expect(error).toMatchObject({ field: "url", kind: "validation" });
    expect(hits).toHaveLength(0);
    expect(api.calls).toHaveLength(0);
  });
});
