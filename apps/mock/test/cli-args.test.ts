// The CLI's flags and environment, read in-process (src/cli-args.ts): what each flag sets, where the
// environment fills in, and a usage error naming the bad value for everything it refuses. The real
// process's exit code and usage text for such an error are in cli.test.ts.
import { describe, expect, it } from "vitest";
import { HELP, parseCliArgs, UsageError } from "../src/cli-args.ts";

const options = (argv: string[], env: NodeJS.ProcessEnv = {}) => {
  const command = parseCliArgs(argv, env);
  if (command.help) throw new Error("expected options, got --help");
  return command.options;
};

describe("klearstack-mock's flags", () => {
  it("defaults: port 4010 on 127.0.0.1, the spec's examples, info logs, reloading on change", () => {
    expect(options([])).toEqual({
      port: 4010,
      host: "127.0.0.1",
      dynamic: false,
      logLevel: "info",
      watch: true,
      accessTtl: undefined,
      refreshTtl: undefined,
    });
  });

  it("every flag sets its option", () => {
    expect(
      options([
        "--port=0",
        "--host",
        "::1",
        "--spec",
        "other.yaml",
        "--dynamic",
        "--access-ttl",
        "30",
        "--refresh-ttl=86400",
        "--log-level",
        "debug",
        "--no-watch",
      ]),
    ).toEqual({
      port: 0,
      host: "::1",
      specPath: "other.yaml",
      dynamic: true,
      logLevel: "debug",
      watch: false,
      accessTtl: 30,
      refreshTtl: 86400,
    });
    expect(options(["--quiet", "--log-level", "debug"]).logLevel).toBe("silent");
  });

  it("takes the port and host from MOCK_PORT and MOCK_HOST, flags first", () => {
    const env = { MOCK_PORT: "5000", MOCK_HOST: "0.0.0.0" };
    expect(options([], env)).toMatchObject({ port: 5000, host: "0.0.0.0" });
    expect(options(["--port", "6000", "--host", "127.0.0.1"], env)).toMatchObject({
      port: 6000,
      host: "127.0.0.1",
    });
  });

  it("--help asks for the usage text, which documents every flag", () => {
    expect(parseCliArgs(["--help"], {})).toEqual({ help: true });
    for (const flag of ["--port", "--host", "--spec", "--dynamic", "--access-ttl", "--refresh-ttl"])
      expect(HELP).toContain(flag);
  });

  it.each([
    [["--port", "http"], {}, "invalid port: http"],
    [["--port", "70000"], {}, "invalid port: 70000"],
    [[], { MOCK_PORT: "-1" }, "invalid port: -1"],
    [["--access-ttl", "0"], {}, "invalid --access-ttl: 0 (a positive whole number of seconds)"],
    [["--access-ttl", "1.5"], {}, "invalid --access-ttl: 1.5"],
    [["--refresh-ttl=-5"], {}, "invalid --refresh-ttl: -5"],
    [["--refresh-ttl", "soon"], {}, "invalid --refresh-ttl: soon"],
    [["--access-ttl"], {}, "--access-ttl <value>"],
    [["--log-level", "loud"], {}, "invalid log level: loud"],
    [["--colour"], {}, "--colour"],
  ])("refuses %j (env %j): %s", (argv, env, reason) => {
    const parsing = () => parseCliArgs(argv, env);
    expect(parsing).toThrow(UsageError);
    expect(parsing).toThrow(reason);
  });
});
