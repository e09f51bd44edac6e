// The fake KlearStack (@klearstack/test-support/fake-api) as the session tests use it: it issues
// tokens whose claims say when they expire (on the server's clock, which may be skewed) and, like
// the real API, refuses a bearer call or a token field whose token it did not issue, has expired
// or was revoked. Unit tests only: the contract tests use the real mock.
import type { OperationModel } from "@klearstack/spec";
import { fakeApi as createFakeApi } from "@klearstack/test-support/fake-api";
import type { Fetch } from "../../src/index.ts";
import { exampleInput, model, operations } from "./fixtures.ts";

export interface FakeApiOptions {
  /** Seconds an access token lives (default: the spec's). */
  accessTtl?: number;
  refreshTtl?: number;
  /** Seconds the server's clock is ahead of ours (negative: behind). */
  serverAhead?: number;
}

export function fakeApi({ accessTtl, refreshTtl, serverAhead = 0 }: FakeApiOptions = {}) {
  const ttl: Record<string, number> = {};
  if (accessTtl !== undefined) ttl.access = accessTtl;
  if (refreshTtl !== undefined) ttl.refresh = refreshTtl;
  const api = createFakeApi(model, { credentials: "issued", tokens: "fresh", ttl, serverAhead });
  return Object.assign(api, { fetch: api.fetch as Fetch });
}

/** The spec's login calls and their example input, as the session's `login` option. */
export const loginOptions = (op: OperationModel) =>
  ({ operationId: op.operationId, fields: exampleInput(op) }) as never;

/** The refresh call: bearer-protected, takes a refresh token, answers an access token. */
export const refreshOperation = operations.find(
  (op) => op.bearer && op.fields.some((field) => field.tokenType === "refresh"),
) as OperationModel;
/** The field of the refresh call that carries the refresh token. */
export const refreshTokenField = refreshOperation.fields.find((f) => f.tokenType === "refresh")
  ?.name as string;
