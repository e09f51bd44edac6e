// The klearstack-token command against a real local server: a subcommand per operation, its flags
// and help from the spec, secrets only from the environment or standard input, output, exit codes.
import type { OperationModel } from "@klearstack/spec";
import { commandName } from "@klearstack/spec/names";
import { type LocalServer, startLocalServer, toRequest } from "@klearstack/test-support/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exitCodes } from "../src/cli/run.ts";
import { runBin, runCli } from "./support/cli.ts";
import {
  asText,
  example200,
  exampleBearer,
  exampleFields,
  exampleInput,
  formEntriesOf,
  operations,
} from "./support/fixtures.ts";
import { cliInput } from "./support/in-process-cli.ts";
import { expectNoSecret, expectSameSecret } from "./support/secret-safe-assertions.ts";

let server: LocalServer;
/** A bearer token the local server refuses with 401, as the API refuses an expired one. */
const refusedToken = "expired.access.token";
/** A base-URL path under which the local server answers the operation's documented 500. */
const failing = "/failing";
const received: {
  path: string;
  contentType: string | null;
  authorization: string | null;
  /** The form's entries in order, each file as "(file)". */
  fields: string[][];
}[] = [];

beforeAll(async () => {
  server = await startLocalServer(async (req, res) => {
    const request = await toRequest(req, "http://local");
    const url = new URL(request.url).pathname;
    const fails = url.startsWith(`${failing}/`);
    const path = fails ? url.slice(failing.length) : url;
    const op = operations.find((o) => o.path === path);
    const fields = asText(await request.formData());
    const authorization = request.headers.get("authorization");
    received.push({
      path,
      contentType: request.headers.get("content-type"),
      authorization,
      fields,
    });
    if (!op) return void res.writeHead(404).end();
    if (op.bearer && (!authorization || authorization.endsWith(refusedToken))) {
      return void res.writeHead(401).end();
    }
    if (fails) {
      res.writeHead(500, { "Content-Type": "text/plain" }).end(op.missingParameters[0]?.text);
    } else {
      res
        .writeHead(200, { "Content-Type": "application/json" })
        .end(JSON.stringify(example200(op)));
    }
  });
});
afterAll(() => server.close());

/** The command's name (the model's: the operationId in kebab-case). */
const commandOf = (op: OperationModel) => commandName(op.operationId);
const urlencoded = "application/x-www-form-urlencoded";
const multipart = "multipart/form-data";
/** What the form carries for `op`'s example input, as the local server records it. */
const sent = (op: OperationModel, mediaType: string) =>
  asText(formEntriesOf(op, exampleInput(op), mediaType));

/**
 * The command for `op` with `input` (typed, as the client takes it): flags for the non-secret
 * fields, secrets (and the bearer token) in the environment, under the model's names (cliInput).
 */
function invocation(op: OperationModel, input = exampleInput(op), baseUrl = server.url) {
  const { args, env } = cliInput(op, input);
  if (op.bearer) env[op.bearer.envVar] = exampleBearer;
  return { args: [commandOf(op), "--base-url", baseUrl, ...args], env };
}

// Every behaviour below runs the command in-process (runCli(argv, io), what the bin calls); these
// few run the bin itself, for what only the process shows: its exit code, its streams, its stdin.
describe("the klearstack-token process", () => {
  it("prints the usage on stdout and exits 0 for --help", async () => {
    const result = await runBin(["--help"]);
    expect(result.code).toBe(exitCodes.ok);
    expect(result.stdout).toMatch(/^Usage: klearstack-token <command>/);
    expect(result.stderr).toBe("");
  });

  it("exits 2 with the usage on stderr for an unknown command", async () => {
    const result = await runBin(["no-such-command"]);
    expect(result.code).toBe(exitCodes.usage);
    expect(result.stderr).toMatch(/unknown command/);
  });

  it("calls the API, a secret read from its real standard input, and prints the answer", async () => {
    const op = operations.find((o) => o.fields.some((f) => f.secret) || o.bearer)!;
    const { args, env } = invocation(op);
    // A secret field, else the bearer credential: each has its variable and its -stdin flag.
    const secret = op.fields.find((f) => f.secret) ?? op.bearer!;
    const value = secret === op.bearer ? exampleBearer : String(exampleInput(op)[secret.name]);
    delete env[secret.envVar];
    const result = await runBin([...args, `--${secret.stdinFlag}`], env, `${value}\n`);
    expect(result.code).toBe(exitCodes.ok);
    expectSameSecret(JSON.parse(result.stdout), example200(op), "stdout, parsed as JSON");
  });
});

describe("klearstack-token --help", () => {
  it("lists one command per operation, with its summary, and exits 0", async () => {
    const result = await runCli(["--help"]);
    expect(result.code).toBe(exitCodes.ok);
    expect(result.stdout).toMatch(/^Usage: klearstack-token <command>/);
    for (const op of operations) {
      expect(result.stdout).toMatch(
        new RegExp(`${commandOf(op)} +${regexEscape(op.summary ?? "")}`),
      );
    }
  });

  it("without a command is a usage error (exit 2) that lists the commands", async () => {
    const result = await runCli([]);
    expect(result.code).toBe(exitCodes.usage);
    expect(result.stderr).toMatch(/a command is required/);
    expect(result.stderr).toContain(commandOf(operations[0]!));
  });
});

describe.each(operations.map((op) => [commandOf(op), op] as const))(
  "klearstack-token %s",
  (command, op) => {
    const secrets = op.fields.filter((f) => f.secret);
    /** Where the operation's secrets come from: each secret field's, then the bearer's. */
    const stdinSources = [...secrets, ...(op.bearer ? [op.bearer] : [])];

    it("--help shows a flag per field with the spec's description (a switch for a boolean, a repeated flag for an array, @PATH for a file), and where each secret comes from", async () => {
      const result = await runCli([command, "--help"]);
      expect(result.code).toBe(exitCodes.ok);
      expect(result.stdout).toContain(`${op.method.toUpperCase()} ${op.path}`);
      for (const field of op.fields) {
        const description = (field.description ?? "").trim().replace(/\s+/g, " ");
        const takes = { boolean: "", array: " VALUE...", file: " @PATH" }[field.kind as string];
        const left = field.secret ? `$${field.envVar}` : `--${field.flag}${takes ?? " VALUE"}`;
        expect(result.stdout).toMatch(
          new RegExp(`${regexEscape(left)} +${regexEscape(description)}`),
        );
        if (field.kind === "array") {
          expect(result.stdout).toMatch(
            new RegExp(`${regexEscape(left)} .*repeat the flag for each value`),
          );
        }
        if (field.secret) expect(result.stdout).toContain(`--${field.stdinFlag}`);
      }
      if (op.bearer) expect(result.stdout).toContain(`$${op.bearer.envVar}`);
      for (const option of ["--base-url", "--multipart", "--field", "--timeout"]) {
        expect(result.stdout).toContain(option);
      }
    });

    it("prints the answer as JSON and exits 0; sends the fields urlencoded", async () => {
      const { args, env } = invocation(op);
      const result = await runCli(args, env);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(exitCodes.ok);
      expectSameSecret(JSON.parse(result.stdout), example200(op), "stdout, parsed as JSON");
      const last = received.at(-1);
      expect(last?.path).toBe(op.path);
      expect(last?.contentType).toBe(urlencoded);
      expectSameSecret(last?.fields, sent(op, urlencoded), "the fields sent");
      expectSameSecret(
        last?.authorization,
        op.bearer ? `Bearer ${exampleBearer}` : null,
        "the Authorization header",
      );
    });

    it.each(Object.keys(example200(op)))(
      "--field %s prints just that value, for $(...)",
      async (field) => {
        const { args, env } = invocation(op);
        const result = await runCli([...args, "--field", field], env);
        expect(result.code).toBe(exitCodes.ok);
        expectSameSecret(result.stdout, `${example200(op)[field]}\n`, "stdout");
      },
    );

    it("--multipart sends multipart/form-data", async () => {
      const { args, env } = invocation(op);
      const result = await runCli([...args, "--multipart"], env);
      expect(result.code).toBe(exitCodes.ok);
      expect(received.at(-1)?.contentType).toMatch(/^multipart\/form-data; boundary=/);
      expectSameSecret(received.at(-1)?.fields, sent(op, multipart), "the fields sent");
    });

    it("reads the base URL from KLEARSTACK_BASE_URL, and every field a form sends as one text from KLEARSTACK_<FIELD>", async () => {
      const env: Record<string, string> = { KLEARSTACK_BASE_URL: server.url };
      const byName = new Map(op.fields.map((f) => [f.name, f]));
      for (const [name, text] of Object.entries(exampleFields(op))) {
        env[byName.get(name)!.envVar] = text;
      }
      if (op.bearer) env[op.bearer.envVar] = exampleBearer;
      const result = await runCli([command], env);
      expect(result.code).toBe(exitCodes.ok);
      expectSameSecret(
        received.at(-1)?.fields,
        asText(formEntriesOf(op, exampleFields(op), urlencoded)),
        "the fields sent",
      );
    });

    it.each(op.fields.filter((f) => f.kind === "boolean" && !f.secret).map((f) => [f.name, f]))(
      "%s: the switch sends true; false comes from its variable, as the form's text",
      async (name, field) => {
        for (const value of [true, false]) {
          const { args, env } = invocation(op, { ...exampleInput(op), [name]: value });
          expect(args.includes(`--${field.flag}`)).toBe(value);
          const result = await runCli(args, env);
          expect(result.code).toBe(exitCodes.ok);
          const sentValues = received.at(-1)?.fields.filter(([n]) => n === name);
          expect(sentValues).toEqual([[name, String(value)]]);
        }
      },
    );

    it.each(secrets.map((f) => [f.name, f] as const))(
      "refuses %s as a flag, naming its variable, and sends nothing",
      async (_, field) => {
        const { args, env } = invocation(op);
        const before = server.hits();
        const value = String(exampleInput(op)[field.name] ?? "value");
        const result = await runCli([...args, `--${field.flag}`, value], env);
        expect(result.code).toBe(exitCodes.usage);
        expect(result.stderr).toContain(`--${field.flag} is refused`);
        expect(result.stderr).toContain(field.envVar);
        expectNoSecret(result.stderr + result.stdout, [value], "the output");
        expect(server.hits()).toBe(before);
      },
    );

    it.each(secrets.map((f) => [f.name, f] as const))(
      "reads %s from standard input with its -stdin flag",
      async (_, field) => {
        const { args, env } = invocation(op);
        const value = String(exampleInput(op)[field.name] ?? "");
        delete env[field.envVar];
        const result = await runCli([...args, `--${field.stdinFlag}`], env, `${value}\n`);
        expect(result.code).toBe(exitCodes.ok);
        const sentValue = received.at(-1)?.fields.find(([name]) => name === field.name)?.[1];
        expectSameSecret(sentValue, value, `the ${field.name} sent`);
      },
    );

    const bearer = op.bearer;
    if (bearer) {
      it(`refuses --${bearer.flag} as a flag; reads it from ${bearer.envVar} or --${bearer.stdinFlag}`, async () => {
        const { args, env } = invocation(op);
        const refused = await runCli([...args, `--${bearer.flag}`, exampleBearer], env);
        expect(refused.code).toBe(exitCodes.usage);
        expect(refused.stderr).toContain(bearer.envVar);
        expectNoSecret(refused.stderr, [exampleBearer], "stderr");

        delete env[bearer.envVar];
        const missing = await runCli(args, env);
        expect(missing.code).toBe(exitCodes.usage);
        expect(missing.stderr).toContain(`an access token is required: set ${bearer.envVar}`);

        const piped = await runCli([...args, `--${bearer.stdinFlag}`], env, exampleBearer);
        expect(piped.code).toBe(exitCodes.ok);
        expectSameSecret(
          received.at(-1)?.authorization,
          `Bearer ${exampleBearer}`,
          "the bearer token",
        );
      });

      it("the API's 401 exits 3 with a message that quotes no token", async () => {
        const { args, env } = invocation(op);
        const result = await runCli(args, { ...env, [bearer.envVar]: refusedToken });
        expect(result.code).toBe(exitCodes.api);
        expect(result.stderr).toMatch(/401: the access token is missing, invalid or expired\n$/);
        expectNoSecret(result.stderr, [refusedToken], "stderr");
      });
    }

    if (stdinSources.length > 1) {
      it("more than one secret on standard input is a usage error", async () => {
        const { args, env } = invocation(op);
        const stdinFlags = stdinSources.map((source) => `--${source.stdinFlag}`);
        const result = await runCli([...args, ...stdinFlags], env, "x\n");
        expect(result.code).toBe(exitCodes.usage);
        expect(result.stderr).toMatch(/only one secret can come from standard input/);
      });
    }

    it("an API error exits 3 with the server's message on stderr", async () => {
      const { args, env } = invocation(op, exampleInput(op), `${server.url}${failing}`);
      const result = await runCli(args, env);
      expect(result.code).toBe(exitCodes.api);
      expect(result.stderr).toBe(
        `klearstack-token ${command}: the API answered 500: ${op.missingParameters[0]?.text}\n`,
      );
      expectSameSecret(result.stdout, "", "stdout");
    });

    it.each(op.fields.filter((f) => f.required && !f.secret).map((f) => [f.name, f] as const))(
      "a missing %s is a usage error naming its flag",
      async (name, field) => {
        const { args, env } = invocation(
          op,
          Object.fromEntries(Object.entries(exampleInput(op)).filter(([n]) => n !== name)),
        );
        const result = await runCli(args, env);
        expect(result.code).toBe(exitCodes.usage);
        expect(result.stderr).toContain(`--${field.flag} must be a non-empty ${field.kind}`);
      },
    );
  },
);

describe("usage errors: exit 2, message and usage on stderr", () => {
  const op = operations[0]!;
  it.each([
    [
      "no base URL",
      () =>
        invocation(op).args.filter(
          (a, i, all) => a !== "--base-url" && all[i - 1] !== "--base-url",
        ),
      /--base-url \(or KLEARSTACK_BASE_URL\) is required/,
    ],
    ["an unknown flag", () => [...invocation(op).args, "--verbose"], /Unknown option '--verbose'/],
    [
      "an unknown --field",
      () => [...invocation(op).args, "--field", "jti"],
      /--field must be one of /,
    ],
    [
      "a bad --timeout",
      () => [...invocation(op).args, "--timeout", "soon"],
      /--timeout must be > 0/,
    ],
    ["an unknown command", () => ["get-everything"], /unknown command/],
  ])("%s", async (_, args, message) => {
    const result = await runCli(args(), invocation(op).env);
    expect(result.code).toBe(exitCodes.usage);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain("Usage: klearstack-token");
    expectSameSecret(result.stdout, "", "stdout");
  });

  it.each([
    [
      "--base-url",
      (url: string) =>
        runCli(
          [commandOf(op), "--base-url", url, ...invocation(op).args.slice(3)],
          invocation(op).env,
        ),
    ],
    [
      "KLEARSTACK_BASE_URL",
      (url: string) =>
        runCli([commandOf(op), ...invocation(op).args.slice(3)], {
          ...invocation(op).env,
          KLEARSTACK_BASE_URL: url,
        }),
    ],
  ])("a base URL with a password in %s is a usage error that never echoes it", async (_, run) => {
    const { port } = new URL(server.url);
    const before = server.hits();
    const result = await run(`http://alice:s3cret@127.0.0.1:${port}`);
    expect(result.code).toBe(exitCodes.usage);
    expect(result.stderr).toMatch(/--base-url must not contain a user name or password/);
    expect(
      /s3cret|alice/.test(result.stderr + result.stdout),
      "output quotes the credentials",
    ).toBe(false);
    expect(server.hits()).toBe(before);
  });
});

describe("network failures", () => {
  const op = operations[0]!;
  it("an unreachable server exits 4", async () => {
    const closed = await startLocalServer(() => {});
    await closed.close();
    const { args, env } = invocation(op);
    const result = await runCli([args[0]!, "--base-url", closed.url, ...args.slice(3)], env);
    expect(result.code).toBe(exitCodes.network);
    expect(result.stderr).toMatch(/could not reach the KlearStack API/);
  });

  it("a timeout exits 4", async () => {
    const stalled = await startLocalServer(() => {});
    try {
      const { args, env } = invocation(op);
      const result = await runCli(
        [args[0]!, "--base-url", stalled.url, ...args.slice(3), "--timeout", "100"],
        env,
      );
      expect(result.code).toBe(exitCodes.network);
      expect(result.stderr).toMatch(/did not respond within 100 ms/);
    } finally {
      await stalled.close();
    }
  });
});

function regexEscape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
