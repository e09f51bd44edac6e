// Is a JSON value what the spec documents? Just enough to keep a malformed answer from reaching
// the caller as if it were typed: each required property present with its JSON type.
import type { ValueKind } from "./operation-table.ts";

export function isKind(value: unknown, kind: ValueKind): boolean {
  if (kind === "array") return Array.isArray(value);
  return typeof value === kind && value !== null;
}

/** True when `value` is an object whose listed properties all have their listed JSON types. */
export function hasShape(value: unknown, shape: Readonly<Record<string, ValueKind>>): boolean {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return Object.entries(shape).every(([name, kind]) => isKind(record[name], kind));
}
