// Prism's `Prefer` conventions (code=, example=, dynamic=), checked against what the operation
// documents, so a typo gets a clear 400 instead of a silently different answer.
import type { OperationRules } from "./rules.ts";

export interface Preference {
  code?: number;
  exampleKey?: string;
  dynamic?: boolean;
}

export type PreferParse = { ok: true; preference: Preference } | { ok: false; reason: string };

export function parsePrefer(header: string | undefined, rules: OperationRules): PreferParse {
  const preference: Preference = {};
  if (!header) return { ok: true, preference };
  for (const part of header.split(/[,;]/)) {
    const [rawName, ...rest] = part.split("=");
    const name = rawName?.trim().toLowerCase();
    const value = rest
      .join("=")
      .trim()
      .replace(/^"(.*)"$/, "$1");
    if (name === "code") {
      const code = Number(value);
      if (!rules.examples.has(code)) {
        return {
          ok: false,
          reason: `Prefer: code=${value} is not a documented response (documented: ${[...rules.examples.keys()].join(", ")})`,
        };
      }
      preference.code = code;
    } else if (name === "example") {
      preference.exampleKey = value;
    } else if (name === "dynamic") {
      preference.dynamic = value === "true";
    }
    // Any other preference is ignored, as RFC 7240 asks of preferences a server does not support.
  }
  const key = preference.exampleKey;
  if (key !== undefined) {
    const codes = [...rules.examples].filter(
      ([code, keys]) => keys.includes(key) && (preference.code ?? code) === code,
    );
    if (codes.length === 0)
      return { ok: false, reason: `Prefer: example=${key} is not a documented example` };
    preference.code ??= codes[0]?.[0];
  }
  return { ok: true, preference };
}
