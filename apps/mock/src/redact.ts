// What Prism's debug logger may write. Prism dumps each request's and response's headers and body
// at debug level ("> Body: {"access_token":"eyJ…"}", "< \tauthorization: Bearer …"), and those
// carry tokens and passwords, which never appear in logs. So its log lines pass through here: dumps
// are dropped, and anything left is masked by the project's one secret masker (JWT-shaped strings
// and bearer credentials; belt and braces: a token could sit in any other message).
import { maskSecrets } from "@klearstack/spec";

// Prism's logHeaders/logBody (prism-http dist/utils/logger.js): "<prefix>Headers:",
// "<prefix>\t<name>: <value>", "<prefix>Body: <body>". Prism writes a tab in no other message.
const DUMP = /(?:Headers|Body):|\t/;

/** Prism's JSON log line, or undefined when it is a header or body dump. */
export function redactLogLine(line: string): string | undefined {
  let message = "";
  try {
    message = String(JSON.parse(line).msg ?? "");
  } catch {
    // Not pino JSON: judge the raw line.
    message = line;
  }
  if (DUMP.test(message)) return undefined;
  return maskSecrets(line);
}

/** A pino destination that writes only what redactLogLine lets through. */
export function redactingDestination(write: (text: string) => void): { write(line: string): void } {
  return {
    write(chunk) {
      for (const line of chunk.split("\n")) {
        if (line === "") continue;
        const kept = redactLogLine(line);
        if (kept !== undefined) write(`${kept}\n`);
      }
    },
  };
}
