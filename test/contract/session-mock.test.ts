// Contract: a token session against the real mock started with short lifetimes (access tokens
// live 2 s, refresh tokens 6 s), used continuously for 15 s. It must log in and refresh exactly
// as often as those lifetimes imply under the session's documented rule, every token it hands out
// must still be valid (signature and expiry, checked the way the mock checks them), and no call
// may fail.
import { setTimeout as sleep } from "node:timers/promises";
import { createKlearStackClient, createTokenSession, type LoginCall } from "@klearstack/client";
import { useMock } from "@klearstack/mock/testing";
import { verifyExampleJwt } from "@klearstack/spec";
import { describe, expect, it } from "vitest";
import { logins, operations } from "../../packages/client/test/support/fixtures.ts";
import { expectQuietly } from "../../packages/client/test/support/secret-safe-assertions.ts";

const accessTtl = 2;
const refreshTtl = 6;
const usedForMs = 15_000;
/** Between two uses: "continuously", without spinning a loaded machine's CPU. */
const pauseMs = 10;
const [login] = logins;
const refresh = operations.find((op) => op.bearer && op.success?.body?.tokens.length === 1);

const mock = useMock({ accessTtl, refreshTtl });

/**
 * The session's documented rule (README "Token session"), applied to tokens issued on whole
 * seconds as the mock issues them (iat = the second of the request, exp = iat + lifetime), with
 * calls at every instant from `start` to `end`: a token is renewed once it has no more than the
 * margin left (300 s, capped at half the access token's lifetime); the renewal is a refresh while
 * the refresh token has more than the margin left and the access token has not expired, else a
 * login. Returns how many of each that implies.
 */
function implied(start: number, end: number) {
  const margin = Math.min(300, accessTtl / 2);
  const counts = { logins: 1, refreshes: 0 };
  let accessExp = Math.floor(start) + accessTtl;
  let refreshExp = Math.floor(start) + refreshTtl;
  for (let t = accessExp - margin; t < end; t = accessExp - margin) {
    const iat = Math.floor(t);
    if (t < refreshExp - margin && t < accessExp) {
      counts.refreshes++;
    } else {
      counts.logins++;
      refreshExp = iat + refreshTtl;
    }
    accessExp = iat + accessTtl;
  }
  return counts;
}

describe(`a session used for ${usedForMs / 1000} s against the mock (access ${accessTtl} s, refresh ${refreshTtl} s)`, () => {
  it("logs in and refreshes exactly as the lifetimes imply; every token is valid; no call fails", async () => {
    if (!login || !refresh) throw new Error("the spec needs a login call and a refresh call");
    const requests = { logins: 0, refreshes: 0, other: 0 };
    const client = createKlearStackClient({
      baseUrl: mock.url,
      fetch: (input, init) => {
        const path = new URL((input as Request).url ?? String(input)).pathname;
        if (path === login.path) requests.logins++;
        else if (path === refresh.path) requests.refreshes++;
        else requests.other++;
        return fetch(input, init);
      },
    });
    const session = createTokenSession({
      client,
      login: { operationId: login.operationId, fields: login.exampleFields } as LoginCall,
    });

    // Start half-way through a second: the session's renewals fall on whole seconds (the
    // tokens' exp), so the run's ends stay half a second away from any of them.
    await sleep(1500 - (Date.now() % 1000));
    const start = Date.now() / 1000;
    const end = start + usedForMs / 1000;
    let uses = 0;
    let invalid = 0;
    while (Date.now() / 1000 < end) {
      const token = await session.getAccessToken();
      uses++;
      if (!verifyExampleJwt(token, { tokenType: "access" }).ok) invalid++;
      await sleep(pauseMs);
    }

    const expected = implied(start, end);
    expect(uses).toBeGreaterThan(100);
    expect(invalid).toBe(0);
    expect({ logins: requests.logins, refreshes: requests.refreshes }).toEqual(expected);
    expect(requests.other).toBe(0);
    expectQuietly(expected.refreshes > expected.logins, "the run never got to refresh");
  }, 60_000);
});
