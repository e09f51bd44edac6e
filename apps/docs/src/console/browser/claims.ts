// The JWTs of an answer, decoded with the one JWT reader of @klearstack/spec (not verified: the
// page holds no key), with the time left before each one's `exp`.
import { decodeJwtParts, secondsLeft } from "@klearstack/spec/jwt";
import type { IssuedToken } from "./tokens.ts";

export type DecodedToken =
  | { name: string; claims: unknown; secondsLeft: number | undefined }
  | { name: string; problem: string };

export function decodeTokens(tokens: IssuedToken[], now: number = Date.now()): DecodedToken[] {
  return tokens.map(({ name, token }) => {
    try {
      return {
        name,
        claims: decodeJwtParts(token).claims,
        secondsLeft: secondsLeft(token, now),
      };
    } catch (error) {
      return { name, problem: (error as Error).message };
    }
  });
}

/** "14 min 59 s left" / "expired 2 min 5 s ago" / "no exp claim". */
export function timeLeft(seconds: number | undefined): string {
  if (seconds === undefined) return "no exp claim: it does not expire";
  const span = duration(Math.abs(seconds));
  return seconds >= 0 ? `${span} left before exp` : `expired ${span} ago`;
}

function duration(total: number): string {
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const parts = [
    days && `${days} d`,
    hours && `${hours} h`,
    minutes && `${minutes} min`,
    (seconds || total === 0) && `${seconds} s`,
  ].filter(Boolean);
  return parts.slice(0, 2).join(" ");
}
