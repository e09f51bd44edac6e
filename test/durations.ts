// How long each cross-test file took, as `npm run bench:tests -- --write-durations` last measured
// it (durations.json, written by ./durations-reporter.ts): the order the files start in
// (./sequencer.ts).
import { readFileSync } from "node:fs";

export const durationsFile = new URL("./durations.json", import.meta.url);

export interface RecordedDurations {
  generatedBy: string;
  /** Milliseconds per file, by its path relative to test/. */
  files: Record<string, number>;
}

/**
 * The recorded durations; none when the file is missing or unreadable (every file then starts in
 * the order vitest found it, and sequencer.test.ts fails, saying how to record them).
 */
export function readDurations(): Record<string, number> {
  try {
    return (JSON.parse(readFileSync(durationsFile, "utf8")) as RecordedDurations).files;
  } catch {
    return {};
  }
}
