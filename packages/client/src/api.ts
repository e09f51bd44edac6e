// The one place runtime code names what the spec defines. Every literal here is checked against
// the generated types, so a spec edit that renames or drops something fails `tsc`, not production.
import type { components, operations, paths } from "./generated/api.gen.ts";

export type { components, operations, paths };
export type TokenRequest = components["schemas"]["TokenRequest"];
export type TokenPair = components["schemas"]["TokenPair"];
export type TokenClaims = components["schemas"]["TokenClaims"];
export type JwtHeader = components["schemas"]["JwtHeader"];

type Operation = operations["getAccessTokenFromUserId"];
type RequestMediaType = keyof Operation["requestBody"]["content"];

/** The generated paths whose POST is `Op`. */
type PostPathOf<Op> = { [P in keyof paths]: paths[P]["post"] extends Op ? P : never }[keyof paths];

/** The token operation's path, checked to be the path whose POST is getAccessTokenFromUserId. */
export const tokenPath =
  "/access/klearstack/getaccesstokenfromuserid" satisfies PostPathOf<Operation>;

export const urlencodedMediaType = "application/x-www-form-urlencoded" satisfies RequestMediaType;

type Kind<T> = T extends number ? "number" : T extends string ? "string" : never;
/** Each field of a shape with its JSON type; a mapped type, so it is exhaustive and exact. */
type FieldKinds<T> = { readonly [K in keyof T]-?: Kind<T[K]> };

export const tokenRequestFields: FieldKinds<TokenRequest> = {
  user_id: "string",
  company_name: "string",
};
export const tokenPairFields: FieldKinds<TokenPair> = {
  refresh_token: "string",
  access_token: "string",
  release_version: "string",
};
export const tokenClaimFields: FieldKinds<TokenClaims> = {
  token_type: "string",
  exp: "number",
  iat: "number",
  jti: "string",
  user_id: "number",
};
export const tokenTypes: Readonly<Record<TokenClaims["token_type"], true>> = {
  access: true,
  refresh: true,
};
export const jwtHeader: JwtHeader = { typ: "JWT", alg: "HS256" };

/** True when `value` is an object whose listed fields all have their listed JSON types. */
export function hasFields<T>(value: unknown, fields: FieldKinds<T>): value is T {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return Object.entries(fields).every(([name, kind]) => typeof record[name] === kind);
}
