// The klearstack-mock CLI: flags and environment to startMock options, one ready line with the URL,
// a clean stop on a signal. `npm run mock` runs it from its bundle (bin/klearstack-mock.js);
// `node src/cli.ts` runs the same code unbundled.
import { parseArgs } from "node:util";
import { LOG_LEVELS, type LogLevel, type RunningMock, startMock } from "./index.ts";

const HELP = `Usage: klearstack-mock [options]

Serves every operation of the KlearStack token API (spec/openapi.yaml) with Prism's engine.
Every token it hands out is freshly signed with the spec's example-only key.

Options:
  --port <n>             port to listen on (env MOCK_PORT, default 4010; 0 picks a free one)
  --host <addr>          address to bind (env MOCK_HOST, default 127.0.0.1)
  --spec <file>          serve this OpenAPI document instead of spec/openapi.yaml
  --dynamic              generated answers instead of the spec's examples
  --access-ttl <secs>    access tokens expire after <secs> seconds instead of the spec's
                         documented lifetime (a positive whole number; e.g. 30 to meet
                         expiry and refresh in a test)
  --refresh-ttl <secs>   the same for refresh tokens
  --log-level <lvl>      ${LOG_LEVELS.join(" | ")} (default info), one line per request on stderr
  --quiet                same as --log-level silent
  --no-watch             do not reload when the spec changes
  --help                 this text
`;

function fail(message: string): never {
  process.stderr.write(`klearstack-mock: ${message}\n\n${HELP}`);
  process.exit(2);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowNegative: true,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      spec: { type: "string" },
      "access-ttl": { type: "string" },
      "refresh-ttl": { type: "string" },
      dynamic: { type: "boolean", default: false },
      "log-level": { type: "string" },
      quiet: { type: "boolean", default: false },
      watch: { type: "boolean", default: true },
      help: { type: "boolean", default: false },
    },
  }).values;
}
try {
  args = parse();
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (args.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

const portText = args.port ?? process.env.MOCK_PORT ?? "4010";
const port = Number(portText);
if (!/^\d+$/.test(portText) || port > 65535) fail(`invalid port: ${portText}`);
/** A --*-ttl value: a positive whole number of seconds, or undefined when the flag is absent. */
function ttl(flag: "access-ttl" | "refresh-ttl"): number | undefined {
  const text = args[flag];
  if (text === undefined) return undefined;
  if (!/^[1-9]\d{0,14}$/.test(text))
    fail(`invalid --${flag}: ${text} (a positive whole number of seconds)`);
  return Number(text);
}
const accessTtl = ttl("access-ttl");
const refreshTtl = ttl("refresh-ttl");
const logLevel = (args.quiet ? "silent" : (args["log-level"] ?? "info")) as LogLevel;
if (!LOG_LEVELS.includes(logLevel)) fail(`invalid log level: ${logLevel}`);

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

mock = await startMock({
  port,
  host: args.host ?? process.env.MOCK_HOST ?? "127.0.0.1",
  dynamic: args.dynamic,
  logLevel,
  watch: args.watch,
  ...(args.spec === undefined ? {} : { specPath: args.spec }),
  accessTtl,
  refreshTtl,
}).catch((error: unknown) =>
  fail(`cannot start: ${error instanceof Error ? error.message : String(error)}`),
);
process.stdout.write(`KlearStack mock ready at ${mock.url}\n`);
