// A cached access token: fetched once, reused until it is about to expire, shared by every caller.
import type { TokenRequest } from "./api.ts";
import type { KlearStackClient } from "./client.ts";
import { decodeToken } from "./token.ts";

export interface TokenSessionOptions extends TokenRequest {
  client: Pick<KlearStackClient, "getAccessTokenFromUserId">;
  /** Fetch a new token this many seconds before the current one expires (default 30). */
  skewSeconds?: number;
}

export interface TokenSession {
  /** A valid access token: the cached one, or one fresh from the API (one request at a time). */
  getAccessToken(): Promise<string>;
  /** Forget the cached token (e.g. after the API rejected it); the next call fetches a new one. */
  invalidate(): void;
}

export function createTokenSession(options: TokenSessionOptions): TokenSession {
  const { client, user_id, company_name, skewSeconds = 30 } = options;
  let cached: { token: string; refreshAt: number } | undefined;
  let inFlight: Promise<string> | undefined;
  // Bumped by invalidate(), so a request started before it cannot refill the cache afterwards.
  let generation = 0;

  function fetchToken(): Promise<string> {
    const startedIn = generation;
    const request = client
      .getAccessTokenFromUserId({ user_id, company_name })
      .then(({ access_token }) => {
        const refreshAt = decodeToken(access_token).expiresAt.getTime() - skewSeconds * 1000;
        if (startedIn === generation) cached = { token: access_token, refreshAt };
        return access_token;
      })
      .finally(() => {
        if (inFlight === request) inFlight = undefined;
      });
    return request;
  }

  return {
    getAccessToken() {
      if (cached && Date.now() < cached.refreshAt) return Promise.resolve(cached.token);
      inFlight ??= fetchToken();
      return inFlight;
    },
    invalidate() {
      cached = undefined;
      inFlight = undefined;
      generation++;
    },
  };
}
