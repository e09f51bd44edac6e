// One line per request, on stderr (stdout carries only the ready line). Never logs bodies or
// headers: responses carry tokens.
export const LOG_LEVELS = ["silent", "error", "warn", "info", "debug"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface RequestLog {
  method: string;
  path: string;
  /** Undefined when nothing was sent (the client hung up first): logged as "-". */
  status: number | undefined;
  ms: number;
  /** Why the mock chose this answer, when the API does not document it. */
  note?: string;
  /** Why a documented answer was chosen, when that is not obvious. */
  detail?: string;
}

export type RequestLogger = (entry: RequestLog) => void;

export function createRequestLogger(
  level: LogLevel,
  write: (line: string) => void = (line) => process.stderr.write(line),
): RequestLogger {
  const threshold = LOG_LEVELS.indexOf(level);
  return ({ method, path, status, ms, note, detail }) => {
    // Documented answers (the 500 included) are routine; the mock's own answers deserve a warning.
    const entryLevel = (status ?? 0) >= 500 && note ? "error" : note ? "warn" : "info";
    if (LOG_LEVELS.indexOf(entryLevel) > threshold) return;
    const when = new Date().toISOString();
    const why = note ?? detail;
    write(
      `${when} ${entryLevel} ${method} ${path} ${status ?? "-"} ${ms.toFixed(1)}ms${why ? ` (${why})` : ""}\n`,
    );
  };
}
