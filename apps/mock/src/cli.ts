// The klearstack-mock CLI: flags and environment to startMock options, one ready line with the URL,
// a clean stop on a signal. `npm run mock` runs it from its bundle (bin/klearstack-mock.js);
// `node src/cli.ts` runs the same code unbundled.
import { HELP, parseCliArgs, UsageError } from "./cli-args.ts";
import type { RunningMock } from "./index.ts";

function fail(message: string): never {
  process.stderr.write(`klearstack-mock: ${message}\n\n${HELP}`);
  process.exit(2);
}

let command: ReturnType<typeof parseCliArgs>;
try {
  command = parseCliArgs(process.argv.slice(2), process.env);
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  fail(error.message);
}
if (command.help) {
  process.stdout.write(HELP);
  process.exit(0);
}
const { options } = command;

// Signals are handled before the ready line goes out: a caller may signal as soon as it reads it.
let mock: RunningMock | undefined;
let stopping = false;
const stop = () => {
  // A second signal means "now": skip the graceful close.
  if (stopping || !mock) process.exit(stopping ? 130 : 0);
  stopping = true;
  mock.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

// Prism and the spec's tooling load only now: --help and a usage error answer without them.
const { startMock } = await import("./index.ts");
mock = await startMock(options).catch((error: unknown) =>
  fail(`cannot start: ${error instanceof Error ? error.message : String(error)}`),
);
process.stdout.write(`KlearStack mock ready at ${mock.url}\n`);
