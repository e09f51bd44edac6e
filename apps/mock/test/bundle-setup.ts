// Vitest global setup: the CLI tests run the bundle (bin/klearstack-mock.js), so it is brought up to
// date once before any test starts, rather than by whichever test starts the CLI first. dist/ is
// build output, ignored by git.
import { buildBundle } from "../build/bundle.ts";
import { staleBecause } from "../build/manifest.js";

export async function setup(): Promise<void> {
  if (staleBecause() !== undefined) await buildBundle();
}
