// The client's public types, derived from openapi-typescript's `operations` and the generated
// operation table: a method per operationId, its fields and result straight from the spec.
import type { Encoding } from "./encoding.ts";

/** The platform's fetch signature; the global fetch (or any wrapper of it) fits. */
export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Receives one line per attempt, retry and session step; never bodies, never tokens. */
export interface KlearStackLogger {
  debug?(message: string): void;
  warn?(message: string): void;
}

export interface CallOptions {
  /** Form encoding of this call's body; default: the client's `encoding`. */
  encoding?: Encoding;
  /** Cancels the call (including waits between retries); it rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** Options of an operation whose `security` asks for a bearer token. */
export interface BearerCallOptions extends CallOptions {
  /** The current access token, sent as `Authorization: Bearer <accessToken>`. */
  accessToken: string;
}

type FormContent<Op> = Op extends { requestBody?: infer Body }
  ? NonNullable<Body> extends { content: infer Content }
    ? Content
    : never
  : never;

/** An operation's form fields: its request body schema, as openapi-typescript generated it. */
export type FieldsOf<Op> = [FormContent<Op>] extends [never]
  ? Record<string, never>
  : FormContent<Op>[keyof FormContent<Op>];

type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 205 | 206 | "2XX";

/** What an operation resolves to: its success body (JSON), as openapi-typescript generated it. */
export type ResultOf<Op> = Op extends { responses: infer Responses }
  ? {
      [Status in keyof Responses & SuccessStatus]: Responses[Status] extends {
        content: { "application/json": infer Body };
      }
        ? Body
        : undefined;
    }[keyof Responses & SuccessStatus]
  : never;

/** One operation as a method: bearer-protected ones need `{ accessToken }`. */
export type OperationMethod<Op, Entry> = Entry extends { readonly bearer: true }
  ? (fields: FieldsOf<Op>, options: BearerCallOptions) => Promise<ResultOf<Op>>
  : (fields: FieldsOf<Op>, options?: CallOptions) => Promise<ResultOf<Op>>;

/** A method per operation of the table, named by its operationId. */
export type OperationMethods<Operations, Table> = {
  readonly [Id in keyof Table & keyof Operations]: OperationMethod<Operations[Id], Table[Id]>;
};
