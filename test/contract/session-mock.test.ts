// Contract: a token session against the real mock started with short lifetimes (access tokens
// live 2 s, refresh tokens 6 s), used continuously for 10 s. It must follow the session's
// documented rule at every renewal, hand out only valid tokens (signature and expiry, checked the
// way the mock checks them), and no call may fail.
//
// The rule is checked per renewal, at the instant its request left (the session decided a moment
// before, and a token's time left only shrinks): a renewal is sent only once the access token has
// no more than the margin left, and a login (after the first) only once the refresh token has no
// more than the margin left or the access token has expired. These hold however late the machine
// runs the session; counting renewals against the clock would not. A machine running late can also
// send a refresh whose bearer token expires on the way: the mock refuses it with its bodyless 401
// and the session logs in, which is its documented fallback, not a login a refresh would have done.
import { setTimeout as sleep } from "node:timers/promises";
import { createKlearStackClient, createTokenSession, type LoginCall } from "@klearstack/client";
import { useMock } from "@klearstack/mock/testing";
import { decodeJwtParts, verifyExampleJwt } from "@klearstack/spec";
import { describe, expect, it } from "vitest";
import { logins, operations } from "../../packages/client/test/support/fixtures.ts";
import { expectQuietly } from "../../packages/client/test/support/secret-safe-assertions.ts";

const accessTtl = 2;
const refreshTtl = 6;
// Real time, so the file waits more than it works: long enough to outlive one refresh token with
// seconds to spare on a loaded machine (the session logs in again at about 5 s), and no longer.
const usedForMs = 10_000;
/** Between two uses: "continuously", without spinning a loaded machine's CPU. */
const pauseMs = 10;
/** The session's renewal margin (README "Token session"): 300 s, capped at half the access lifetime. */
const margin = Math.min(300, accessTtl / 2);
const [login] = logins;
const refresh = operations.find((op) => op.bearer && op.success?.body?.tokens.length === 1);

const mock = useMock({ accessTtl, refreshTtl });

interface Renewal {
  kind: "login" | "refresh";
  /** When the request left, in seconds. */
  sentAt: number;
  /** The tokens it answered, by token type (none when it was refused). */
  tokens: Map<string, string>;
  /** The status it was answered, and whether that is a success. */
  status: number;
  ok: boolean;
}

const expOf = (token: string) => Number((decodeJwtParts(token).claims as { exp?: unknown }).exp);

describe(`a session used for ${usedForMs / 1000} s against the mock (access ${accessTtl} s, refresh ${refreshTtl} s)`, () => {
  it("renews no earlier than the session's rule says, by refresh when it can; every token is valid; no call fails", async () => {
    if (!login || !refresh) throw new Error("the spec needs a login call and a refresh call");
    const renewals: Renewal[] = [];
    let other = 0;
    const client = createKlearStackClient({
      baseUrl: mock.url,
      fetch: async (input, init) => {
        const path = new URL((input as Request).url ?? String(input)).pathname;
        const op = [login, refresh].find((o) => o.path === path);
        if (!op) {
          other++;
          return fetch(input, init);
        }
        const sentAt = Date.now() / 1000;
        const res = await fetch(input, init);
        // A machine running late can send a refresh whose bearer token expires on the way: the
        // mock refuses it (a bodyless 401) and the session logs in instead. It was still sent,
        // so the rule below applies to it too.
        const body = res.ok ? ((await res.clone().json()) as Record<string, string>) : {};
        const tokens = new Map(
          res.ok
            ? (op.success?.body?.tokens ?? []).map((t) => [String(t.tokenType), body[t.name] ?? ""])
            : [],
        );
        renewals.push({
          kind: op === login ? "login" : "refresh",
          sentAt,
          tokens,
          status: res.status,
          ok: res.ok,
        });
        return res;
      },
    });
    const session = createTokenSession({
      client,
      login: { operationId: login.operationId, fields: login.exampleFields } as LoginCall,
    });

    const end = Date.now() + usedForMs;
    let uses = 0;
    let invalid = 0;
    while (Date.now() < end) {
      const token = await session.getAccessToken();
      uses++;
      if (!verifyExampleJwt(token, { tokenType: "access" }).ok) invalid++;
      await sleep(pauseMs);
    }

    expect(uses).toBeGreaterThan(100);
    expect(invalid).toBe(0);
    expect(other).toBe(0);
    expect(renewals[0]?.kind, "the first call logs in").toBe("login");
    const held = new Map<string, string>();
    const broken: string[] = [];
    for (const [i, { kind, sentAt, tokens }] of renewals.entries()) {
      if (i > 0) {
        const accessLeft = expOf(held.get("access") ?? "") - sentAt;
        const refreshLeft = expOf(held.get("refresh") ?? "") - sentAt;
        const afterRefusal = renewals[i - 1]?.kind === "refresh" && renewals[i - 1]?.status === 401;
        if (accessLeft > margin) broken.push(`#${i} ${kind} with ${accessLeft} s of access left`);
        if (kind === "login" && !afterRefusal && refreshLeft > margin && accessLeft > 0)
          broken.push(`#${i} login while a refresh would do (${refreshLeft} s of refresh left)`);
      }
      for (const [type, token] of tokens) held.set(type, token);
    }
    expect(broken, "renewals that break the session's rule").toEqual([]);
    // Only a refresh may be refused, with a 401 (the session then logs in); nothing else fails.
    expect(
      renewals
        .filter((r) => !r.ok && !(r.kind === "refresh" && r.status === 401))
        .map((r) => `${r.kind} ${r.status}`),
      "renewals refused otherwise",
    ).toEqual([]);
    const count = (kind: Renewal["kind"]) => renewals.filter((r) => r.kind === kind && r.ok).length;
    // 10 s outlive the 6 s refresh token (a login again) and the 2 s access token (a refresh).
    expect(count("login"), "logins").toBeGreaterThan(1);
    expectQuietly(count("refresh") > count("login"), "the run never got to refresh");
  });
});
