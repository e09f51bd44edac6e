// Logins made in the page, in memory only: a login is any call whose successful answer carries
// tokens the spec documents. The latest token of each token type ("access", "refresh") fills the
// bearer credential and the token fields of every other call. Nothing is written to storage, a
// cookie or the URL; reloading the page forgets them.
import { responseForStatus } from "@klearstack/spec/status";
import type { ConsoleOperation } from "../types.ts";

export interface IssuedToken {
  name: string;
  tokenType: string | undefined;
  token: string;
}

/** The documented token fields of an answer's JSON body that hold a string. */
export function tokensIn(op: ConsoleOperation, status: number, body: unknown): IssuedToken[] {
  const documented = responseForStatus(op.responses, status)?.tokens ?? [];
  if (!body || typeof body !== "object") return [];
  return documented.flatMap(({ name, tokenType }) => {
    const token = (body as Record<string, unknown>)[name];
    return typeof token === "string" && token !== "" ? [{ name, tokenType, token }] : [];
  });
}

export interface Login {
  operationId: string;
  token: string;
}

export class TokenStore {
  readonly #latest = new Map<string, Login>();
  readonly #listeners = new Set<(tokenType: string, login: Login) => void>();

  /** Remembers the tokens of a successful (2xx) answer; returns how many it took. */
  remember(op: ConsoleOperation, status: number, body: unknown): number {
    if (status < 200 || status > 299) return 0;
    let taken = 0;
    for (const { tokenType, token } of tokensIn(op, status, body)) {
      if (tokenType === undefined) continue;
      const login = { operationId: op.operationId, token };
      this.#latest.set(tokenType, login);
      for (const listener of this.#listeners) listener(tokenType, login);
      taken++;
    }
    return taken;
  }

  latest(tokenType: string | undefined): Login | undefined {
    return tokenType === undefined ? undefined : this.#latest.get(tokenType);
  }

  onLogin(listener: (tokenType: string, login: Login) => void): void {
    this.#listeners.add(listener);
  }
}
