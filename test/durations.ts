// How long each cross-test file took, as `npm run bench:tests -- --write-durations` last measured
// it (durations.json): the order the files start in when vitest has none cached (./sequencer.ts).
import { readFileSync } from "node:fs";

export const durationsFile = new URL("./durations.json", import.meta.url);

export interface RecordedDurations {
  generatedBy: string;
  /** Milliseconds per file, by its path relative to test/. */
  files: Record<string, number>;
}

/** The recorded durations; none when the file is missing or unreadable (the order falls back). */
export function readDurations(): Record<string, number> {
  try {
    return (JSON.parse(readFileSync(durationsFile, "utf8")) as RecordedDurations).files;
  } catch {
    return {};
  }
}
