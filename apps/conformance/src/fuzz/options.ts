// The fuzz flags, checked before anything is sent: each must be a number in its range, and the
// report files must be writable where they were asked for.
import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { isLoopback } from "../guards.ts";
import { DEFAULT_REMOTE_RATE } from "./pace.ts";

/** Generated cases per operation and case kind when --max-examples is not given. */
export const DEFAULT_MAX_EXAMPLES = 20;

export interface FuzzFlags {
  maxExamples: number;
  seed: number;
  /** undefined: unlimited. */
  rate: number | undefined;
  maxRequests: number | undefined;
  junit: string | undefined;
  json: string | undefined;
}

export type ReadFuzzFlags = { ok: true; flags: FuzzFlags } | { ok: false; refusal: string };

export function readFuzzFlags(
  values: Record<string, string | boolean | undefined>,
  baseUrl: URL,
  typedIn: string,
  random: () => number = Math.random,
): ReadFuzzFlags {
  const refuse = (refusal: string): ReadFuzzFlags => ({ ok: false, refusal });
  const integer = (flag: string, min: number, max: number): number | undefined | Error => {
    const raw = values[flag];
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (typeof raw !== "string" || !/^\d+$/.test(raw) || n < min || n > max) {
      return new Error(`--${flag} must be an integer from ${min} to ${max}`);
    }
    return n;
  };
  const maxExamples = integer("max-examples", 1, 10_000);
  if (maxExamples instanceof Error) return refuse(maxExamples.message);
  const seed = integer("seed", 0, 2 ** 31 - 1);
  if (seed instanceof Error) return refuse(seed.message);
  const maxRequests = integer("max-requests", 1, 1_000_000);
  if (maxRequests instanceof Error) return refuse(maxRequests.message);
  let rate: number | undefined = isLoopback(baseUrl) ? undefined : DEFAULT_REMOTE_RATE;
  if (values.rate !== undefined) {
    rate = Number(values.rate);
    if (typeof values.rate !== "string" || !(rate > 0) || rate > 10_000) {
      return refuse("--rate must be a number of requests per second above 0 (at most 10000)");
    }
  }
  const reports: Record<"junit" | "json", string | undefined> = {
    junit: undefined,
    json: undefined,
  };
  for (const flag of ["junit", "json"] as const) {
    const raw = values[flag];
    if (raw === undefined) continue;
    if (typeof raw !== "string" || raw === "") return refuse(`--${flag} needs a file name`);
    const path = resolve(typedIn, raw);
    const dir = dirname(path);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      return refuse(`--${flag}: the folder ${dir} does not exist`);
    }
    reports[flag] = path;
  }
  return {
    ok: true,
    flags: {
      maxExamples: maxExamples ?? DEFAULT_MAX_EXAMPLES,
      seed: seed ?? Math.floor(random() * 2 ** 31),
      rate,
      maxRequests,
      ...reports,
    },
  };
}
