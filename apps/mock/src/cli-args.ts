// The klearstack-mock CLI's flags and environment, read into startMock options, or a usage error
// naming what is wrong. Pure (no Prism, no server), so its rules are tested in-process; cli.ts turns
// an error into exit code 2 with the usage text, which a few tests prove on the real process.
import { parseArgs } from "node:util";
import type { MockOptions } from "./index.ts";
import { LOG_LEVELS, type LogLevel } from "./log.ts";

export const HELP = `Usage: klearstack-mock [options]

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

/** Bad flags or environment: the message says which value and why. */
export class UsageError extends Error {}

export type CliCommand = { help: true } | { help: false; options: MockOptions };

export function parseCliArgs(argv: string[], env: NodeJS.ProcessEnv): CliCommand {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (args.help) return { help: true };

  const portText = args.port ?? env.MOCK_PORT ?? "4010";
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new UsageError(`invalid port: ${portText}`);
  /** A --*-ttl value: a positive whole number of seconds, or undefined when the flag is absent. */
  const ttl = (flag: "access-ttl" | "refresh-ttl"): number | undefined => {
    const text = args[flag];
    if (text === undefined) return undefined;
    if (!/^[1-9]\d{0,14}$/.test(text))
      throw new UsageError(`invalid --${flag}: ${text} (a positive whole number of seconds)`);
    return Number(text);
  };
  const accessTtl = ttl("access-ttl");
  const refreshTtl = ttl("refresh-ttl");
  const logLevel = (args.quiet ? "silent" : (args["log-level"] ?? "info")) as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) throw new UsageError(`invalid log level: ${logLevel}`);
  return {
    help: false,
    options: {
      port,
      host: args.host ?? env.MOCK_HOST ?? "127.0.0.1",
      dynamic: args.dynamic,
      logLevel,
      watch: args.watch,
      ...(args.spec === undefined ? {} : { specPath: args.spec }),
      accessTtl,
      refreshTtl,
    },
  };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
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
