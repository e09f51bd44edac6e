// A token session keeps a valid access token: it logs in on first use (with the login call the
// caller chose), renews the access token through the refresh call when it comes within a margin of
// expiry, and logs in again when the refresh is refused (401) or the refresh token is about to
// expire. Which call refreshes, and which properties carry which token, comes from the generated
// operation table. Tokens are never logged and never put in an error.
import { decodeJwtParts } from "@klearstack/spec/jwt";
import type { OperationFields, OperationId } from "./client.ts";
import { internalsOf, refuseRedirect } from "./core.ts";
import { KlearStackUnauthorizedError, KlearStackValidationError } from "./errors.ts";
import type { operationTable } from "./generated/operations.gen.ts";
import type { OperationEntry } from "./operation-table.ts";
import type { Fetch, KlearStackLogger } from "./types.ts";

type Table = typeof operationTable;

/** Operations that need no bearer token and answer both an access and a refresh token. */
export type LoginOperationId = {
  [Id in OperationId]: Table[Id] extends {
    readonly bearer: false;
    readonly issues: { readonly access: string; readonly refresh: string };
  }
    ? Id
    : never;
}[OperationId];

/** The login call and its fields, given once: `{ operationId: "getAccessToken", fields: {...} }`. */
export type LoginCall = {
  [Id in LoginOperationId]: { operationId: Id; fields: OperationFields<Id> };
}[LoginOperationId];

export interface TokenSessionOptions {
  /** A client from createKlearStackClient; the session calls through it (retries, timeouts). */
  client: object;
  login: LoginCall;
  /**
   * Renew a token when less than this is left (default 300 s, so a 15-minute access token is
   * refreshed every 10 minutes, as KlearStack suggests). Capped at half the access token's
   * lifetime, so short-lived tokens are still used.
   */
  marginSeconds?: number;
  /**
   * How far the server's clock is ahead of ours, in seconds. "auto" (default) reads it from each
   * new token's `iat`; differences under 2 s (iat's whole-second resolution plus the round trip)
   * count as none. A number fixes it; 0 trusts the local clock.
   */
  clockSkewSeconds?: number | "auto";
  /** Default: the client's logger. */
  logger?: KlearStackLogger;
}

export interface TokenSession {
  /** A valid access token: the held one, or a fresh one (one request shared by all callers). */
  getAccessToken(): Promise<string>;
  /**
   * fetch for KlearStack's other, bearer-protected endpoints: adds `Authorization: Bearer …`; on a
   * 401 renews the access token once and retries once. Relative URLs are joined to the client's
   * baseUrl; other origins are refused (the token is sent to KlearStack only), and so is a
   * redirect (KlearStackRedirectError).
   */
  fetch: Fetch;
  /** Forget every token (e.g. on log-out): the next call logs in. */
  invalidate(): void;
}

interface HeldToken {
  token: string;
  /** Local time (ms) at which the token expires, clock skew accounted for; NaN if unknown. */
  expiresAt: number;
  /** exp − iat, in ms; NaN if the token does not say. */
  lifetimeMs: number;
  /** The API answered 401 to it: renew before using it again. */
  rejected?: boolean;
}

export function createTokenSession(options: TokenSessionOptions): TokenSession {
  const {
    table,
    call,
    base: { origin, href },
    fetch: transport,
    logger: clientLogger,
  } = internalsOf(options.client);
  const { login, marginSeconds = 300, clockSkewSeconds = "auto", logger = clientLogger } = options;
  // The refresh call: bearer-protected, takes a refresh token, answers an access token.
  const [refreshId = "", refresher] =
    Object.entries(table).find(([, e]) => e.bearer && e.accepts.refresh && e.issues.access) ?? [];

  let access: HeldToken | undefined;
  let refresh: HeldToken | undefined;
  let inFlight: Promise<string> | undefined;
  // Bumped by invalidate(), so a request started before it cannot refill the session afterwards.
  let generation = 0;

  /** More than the margin left (NaN, for a token that does not say, is never fresh). */
  const fresh = (held: HeldToken | undefined): held is HeldToken =>
    !!held &&
    Date.now() < held.expiresAt - Math.min(marginSeconds * 1000, (access?.lifetimeMs ?? 0) / 2);

  /** `token` is a JWT: the client refuses an answer whose token property holds anything else. */
  function hold(token: unknown): HeldToken {
    const claims = decodeJwtParts(token as string).claims as { exp?: number; iat?: number };
    const { exp = Number.NaN, iat = Number.NaN } = claims;
    // iat is the server's "now": a difference beyond its resolution is the clocks' skew.
    const measured = iat - Date.now() / 1000;
    const skew =
      clockSkewSeconds !== "auto" ? clockSkewSeconds : Math.abs(measured) >= 2 ? measured : 0;
    return {
      token: token as string,
      expiresAt: (exp - skew) * 1000,
      lifetimeMs: (exp - iat) * 1000,
    };
  }

  /** Keeps the tokens of a success body, unless invalidate() came in between. */
  function store(
    result: unknown,
    { access: a, refresh: r }: OperationEntry["issues"],
    since: number,
  ) {
    const body = result as Record<string, unknown>;
    const next = hold(body[`${a}`]);
    if (since === generation) {
      access = next;
      if (r) refresh = hold(body[r]);
    }
    return next.token;
  }

  async function renew(): Promise<string> {
    const since = generation;
    // Refresh only with a bearer token that has not expired yet: an expired one earns a 401.
    const held = refresh;
    if (refresher && fresh(held) && access && Date.now() < access.expiresAt) {
      const given = login.fields as Record<string, unknown>;
      // The refresh token, and the call's other fields (company_name) from the login's.
      const fields = Object.fromEntries(
        refresher.fields.map(({ name }) => [
          name,
          name === refresher.accepts.refresh ? held.token : given[name],
        ]),
      );
      try {
        // The client logs each call (debug); the session adds only what the calls do not say.
        return store(
          await call(refreshId, fields, { accessToken: access.token }),
          refresher.issues,
          since,
        );
      } catch (error) {
        if (!(error instanceof KlearStackUnauthorizedError)) throw error;
        logger?.warn?.(`session: ${refreshId} refused (401); logging in again`);
      }
    }
    const result = await call(login.operationId, login.fields);
    return store(result, table[login.operationId]?.issues ?? {}, since);
  }

  function getAccessToken(): Promise<string> {
    if (fresh(access) && !access.rejected) return Promise.resolve(access.token);
    if (!inFlight) {
      const request = renew().finally(() => {
        if (inFlight === request) inFlight = undefined;
      });
      inFlight = request;
    }
    return inFlight;
  }

  /**
   * Sends `request` with the current access token; the same token is handed back for a 401. A
   * redirect is refused, never followed: it would carry the body (and, same-origin, the token).
   */
  async function send(request: Request): Promise<[Response, string]> {
    const token = await getAccessToken();
    const authorized = new Request(request, { redirect: "manual" });
    authorized.headers.set("Authorization", `Bearer ${token}`);
    const response = await transport(authorized);
    refuseRedirect(response, authorized.url);
    return [response, token];
  }

  return {
    getAccessToken,
    async fetch(input, init) {
      // A relative path is joined to the baseUrl, as the client joins the spec's paths.
      const url =
        typeof input === "string" && !URL.canParse(input)
          ? href.replace(/\/+$/, "") + input
          : input;
      const request = new Request(url, init);
      if (new URL(request.url).origin !== origin) {
        throw new KlearStackValidationError("url", "must be on the baseUrl's origin");
      }
      const [response, token] = await send(request.clone());
      if (response.status !== 401) return response;
      await response.body?.cancel();
      logger?.warn?.("session.fetch: 401; renewing the token, retrying once");
      // That token is refused: the next getAccessToken() renews it (refresh, else log in).
      if (access?.token === token) access.rejected = true;
      return (await send(request))[0];
    },
    invalidate() {
      access = refresh = inFlight = undefined;
      generation++;
    },
  };
}
