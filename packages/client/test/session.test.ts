// createTokenSession: one token, reused until shortly before it expires, shared by concurrent callers.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createTokenSession, type TokenPair } from "../src/index.ts";
import { exampleTokenPair, validInput } from "./support/fixtures.ts";
import { expectDifferentSecret, expectSameSecret, rejectionOf } from "./support/quiet.ts";

const header = exampleTokenPair.access_token.split(".")[0];
const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** An access token expiring at `exp` (seconds), numbered so tests can tell tokens apart. */
function accessToken(n: number, exp: number): string {
  const claims = {
    token_type: "access",
    exp,
    iat: exp - 120,
    jti: n.toString(16).padStart(32, "0"),
    user_id: Number(validInput.user_id),
  };
  return `${header}.${b64url(claims)}.sig${n}`;
}

function fakeClient(expiresInSeconds = 120) {
  let issued = 0;
  const calls: unknown[] = [];
  const pending: (() => void)[] = [];
  const client = {
    getAccessTokenFromUserId: vi.fn(async (input: unknown): Promise<TokenPair> => {
      calls.push(input);
      issued++;
      const n = issued;
      await new Promise<void>((resolve) => pending.push(resolve));
      const exp = Math.floor(Date.now() / 1000) + expiresInSeconds;
      return { ...exampleTokenPair, access_token: accessToken(n, exp) };
    }),
  };
  const answerAll = async () => {
    while (pending.length) pending.shift()?.();
    await vi.advanceTimersByTimeAsync(0);
  };
  return { client, calls, answerAll };
}

const identity = validInput;

beforeEach(() => {
  vi.useFakeTimers({ now: new Date("2026-01-01T00:00:00Z") });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("createTokenSession", () => {
  it("asks the API once and serves the cached token until expiry minus the skew", async () => {
    const { client, calls, answerAll } = fakeClient(120);
    const session = createTokenSession({ client, ...identity, skewSeconds: 30 });

    const first = session.getAccessToken();
    await answerAll();
    const token = await first;
    expect(calls).toEqual([identity]);

    vi.advanceTimersByTime(89_000); // 31 s before expiry: still fresh
    expectSameSecret(await session.getAccessToken(), token, "the access token");
    expect(calls).toHaveLength(1);

    vi.advanceTimersByTime(1_000); // 30 s before expiry: inside the skew
    const second = session.getAccessToken();
    await answerAll();
    expectDifferentSecret(await second, token, "the access token");
    expect(calls).toHaveLength(2);
  });

  it("shares one in-flight request among concurrent callers", async () => {
    const { client, calls, answerAll } = fakeClient();
    const session = createTokenSession({ client, ...identity });
    const all = Promise.all(Array.from({ length: 10 }, () => session.getAccessToken()));
    await answerAll();
    const tokens = await all;
    expect(new Set(tokens).size).toBe(1);
    expect(calls).toHaveLength(1);
  });

  it("invalidate() forces a new request", async () => {
    const { client, calls, answerAll } = fakeClient();
    const session = createTokenSession({ client, ...identity });
    const first = session.getAccessToken();
    await answerAll();
    const token = await first;

    session.invalidate();
    const second = session.getAccessToken();
    await answerAll();
    expectDifferentSecret(await second, token, "the access token");
    expect(calls).toHaveLength(2);
  });

  it("a request started before invalidate() does not refill the cache", async () => {
    const { client, calls, answerAll } = fakeClient();
    const session = createTokenSession({ client, ...identity });
    const stale = session.getAccessToken();
    session.invalidate();
    const fresh = session.getAccessToken();
    await answerAll();
    expectDifferentSecret(await stale, await fresh, "the stale access token");
    expectSameSecret(await session.getAccessToken(), await fresh, "the access token");
    expect(calls).toHaveLength(2);
  });

  it("does not cache a failure: the next call tries again", async () => {
    const failing = {
      getAccessTokenFromUserId: vi
        .fn()
        .mockRejectedValueOnce(new Error("network down"))
        .mockResolvedValueOnce({
          ...exampleTokenPair,
          access_token: accessToken(1, 1_900_000_000),
        }),
    };
    const session = createTokenSession({ client: failing, ...identity });
    expect(await rejectionOf(session.getAccessToken())).toMatchObject({ message: "network down" });
    expectSameSecret(
      await session.getAccessToken(),
      accessToken(1, 1_900_000_000),
      "the access token",
    );
  });

  it("never caches a token that is already past its expiry (e.g. the mock's 2022 examples)", async () => {
    const { client, calls, answerAll } = fakeClient(-60);
    const session = createTokenSession({ client, ...identity });
    for (let i = 0; i < 2; i++) {
      const call = session.getAccessToken();
      await answerAll();
      await call;
    }
    expect(calls).toHaveLength(2);
  });
});
