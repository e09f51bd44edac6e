// The shape of the generated operation table (src/generated/operations.gen.ts) and of the token
// format, tied to openapi-typescript's types so that the two generated files cannot disagree.
import type { Encoding } from "./encoding.ts";

/** How a form field is sent (the spec model's field kinds: arrays as repeated keys, files as Blobs). */
export type FormKind = "string" | "integer" | "number" | "boolean" | "array" | "file";

/** What `typeof` says about a JSON value (arrays are checked with Array.isArray). */
export type ValueKind = "string" | "number" | "boolean" | "object" | "array";

export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

/** Where the CLI reads a value (the spec model's names: --flag, KLEARSTACK_… variable, --…-stdin). */
export interface InputEntry {
  readonly flag: string;
  readonly variable: string;
  readonly stdinFlag: string;
}

export interface FieldEntry<Name extends string = string> {
  readonly name: Name;
  readonly kind: FormKind;
  /** For an array field: the kind of its items. */
  readonly items?: { readonly kind: "string" | "integer" | "number" | "boolean" };
  readonly required: boolean;
  /** A credential (password, token): never logged, never taken from a command line. */
  readonly secret: boolean;
}

export interface OperationEntry<FieldName extends string = string> {
  readonly method: HttpMethod;
  readonly path: string;
  /** The form encodings of the request media types, in the spec's order ([] = no body). */
  readonly encodings: readonly Encoding[];
  /** The operation asks for `Authorization: Bearer <access token>`. */
  readonly bearer: boolean;
  /** The form fields, in the spec's order. */
  readonly fields: readonly FieldEntry<FieldName>[];
  /** Required properties of the success body with their JSON types; null when it has no body. */
  readonly result: Readonly<Record<string, ValueKind>> | null;
  /** Request fields that carry a token, by token type (e.g. `refresh: "refresh_token"`). */
  readonly accepts: Readonly<Record<string, FieldName>>;
  /** Success-body properties that carry a token, by token type (e.g. `access: "access_token"`). */
  readonly issues: Readonly<Record<string, string>>;
}

type FormBody<Op> = Op extends { requestBody?: infer Body }
  ? NonNullable<Body> extends { content: infer Content }
    ? Content[keyof Content]
    : never
  : never;

/** The form field names of an operation, per openapi-typescript. */
export type FieldNamesOf<Op> = [FormBody<Op>] extends [never] ? never : keyof FormBody<Op> & string;

/** One entry per operation of openapi-typescript's `operations`, and no other. */
export type OperationTable<Operations> = {
  readonly [Id in keyof Operations]: OperationEntry<FieldNamesOf<Operations[Id]>>;
};

/** The spec's words for each operation and field, for the CLI's help. */
export type OperationHelp<Operations> = {
  readonly [Id in keyof Operations]: {
    readonly summary?: string;
    readonly fields: { readonly [Name in FieldNamesOf<Operations[Id]>]?: string };
    readonly inputs: { readonly [Name in FieldNamesOf<Operations[Id]>]: InputEntry };
    /** Where the CLI reads the bearer credential; null without one. */
    readonly bearer: InputEntry | null;
  };
};

export interface HelpEntry {
  readonly summary?: string;
  readonly fields: Readonly<Record<string, string | undefined>>;
  readonly inputs: Readonly<Record<string, InputEntry>>;
  readonly bearer: InputEntry | null;
}

/** What every token the API issues looks like once decoded. */
export type TokenFormat<
  Components extends { schemas: { JwtHeader: unknown; TokenClaims: { token_type: string } } },
> = {
  readonly header: Components["schemas"]["JwtHeader"];
  readonly claims: { readonly [Claim in keyof Components["schemas"]["TokenClaims"]]-?: ValueKind };
  readonly tokenTypes: readonly Components["schemas"]["TokenClaims"]["token_type"][];
};
