// The klearstack-token command against a real local server: a subcommand per operation, its flags
// and help from the spec, secrets only from the environment or standard input, output, exit codes.
import type { OperationModel } from "@klearstack/spec";
import { type LocalServer, startLocalServer, toRequest } from "@klearstack/test-support/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exitCodes } from "../src/cli/run.ts";
import { runBin, runCli } from "./support/cli.ts";
import { example200, exampleBearer, exampleFields, operations } from "./support/fixtures.ts";
import { expectNoSecret, expectSameSecret } from "./support/secret-safe-assertions.ts";

let server: LocalServer;
/** A bearer token the local server refuses with 401, as the API refuses an expired one. */
const refusedToken = "expired.access.token";
/** A value the local server answers with the operation's documented 500 (its first text). */
const failing = "Fail Corp";
const received: {
  path: string;
  contentType: string | null;
  authorization: string | null;
  fields: Record<string, unknown>;
}[] = [];

beforeAll(async () => {
  server = await startLocalServer(async (req, res) => {
    const request = await toRequest(req, "http://local");
    const path = new URL(request.url).pathname;
    const op = operations.find((o) => o.path === path);
    const fields = Object.fromEntries(await request.formData());
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
    if (Object.values(fields).includes(failing)) {
      res.writeHead(500, { "Content-Type": "text/plain" }).end(op.missingParameters[0]?.text);
    } else {
      res
        .writeHead(200, { "Content-Type": "application/json" })
        .end(JSON.stringify(example200(op)));
    }
  });
});
afterAll(() => server.close());

const flag = (name: string) => `--${name.replaceAll("_", "-")}`;
const variable = (name: string) => `KLEARSTACK_${name.toUpperCase()}`;
/** The command's name: the operationId in kebab-case. */
const commandOf = (op: OperationModel) =>
  op.operationId.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();

/** Flags for the non-secret fields; secrets (and the bearer token) in the environment. */
function invocation(op: OperationModel, fields = exampleFields(op)) {
  const args = [commandOf(op), "--base-url", server.url];
  const env: Record<string, string> = {};
  for (const field of op.fields) {
    const value = fields[field.name];
    if (value === undefined) continue;
    if (field.secret) env[variable(field.name)] = value;
    else args.push(flag(field.name), value);
  }
  if (op.bearer) env.KLEARSTACK_ACCESS_TOKEN = exampleBearer;
  return { args, env };
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
    const secret = op.fields.find((f) => f.secret);
    const stdinFlag = secret ? `${flag(secret.name)}-stdin` : "--access-token-stdin";
    const value = secret ? (exampleFields(op)[secret.name] ?? "") : exampleBearer;
    delete env[secret ? variable(secret.name) : "KLEARSTACK_ACCESS_TOKEN"];
    const result = await runBin([...args, stdinFlag], env, `${value}\n`);
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

    it("--help shows a flag per field with the spec's description, and where each secret comes from", async () => {
      const result = await runCli([command, "--help"]);
      expect(result.code).toBe(exitCodes.ok);
      expect(result.stdout).toContain(`${op.method.toUpperCase()} ${op.path}`);
      for (const field of op.fields) {
        const description = (field.description ?? "").trim().replace(/\s+/g, " ");
        const left = field.secret ? `$${variable(field.name)}` : `${flag(field.name)} VALUE`;
        expect(result.stdout).toMatch(
          new RegExp(`${regexEscape(left)} +${regexEscape(description)}`),
        );
        if (field.secret) expect(result.stdout).toContain(`${flag(field.name)}-stdin`);
      }
      if (op.bearer) expect(result.stdout).toContain("$KLEARSTACK_ACCESS_TOKEN");
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
      expect(last?.contentType).toBe("application/x-www-form-urlencoded");
      expectSameSecret(last?.fields, exampleFields(op), "the fields sent");
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
      expectSameSecret(received.at(-1)?.fields, exampleFields(op), "the fields sent");
    });

    it("reads the base URL from KLEARSTACK_BASE_URL, and every field from KLEARSTACK_<FIELD>", async () => {
      const env: Record<string, string> = { KLEARSTACK_BASE_URL: server.url };
      for (const [name, value] of Object.entries(exampleFields(op))) env[variable(name)] = value;
      if (op.bearer) env.KLEARSTACK_ACCESS_TOKEN = exampleBearer;
      const result = await runCli([command], env);
      expect(result.code).toBe(exitCodes.ok);
      expectSameSecret(received.at(-1)?.fields, exampleFields(op), "the fields sent");
    });

    it.each(secrets.map((f) => [f.name, f] as const))(
      "refuses %s as a flag, naming its variable, and sends nothing",
      async (_, field) => {
        const { args, env } = invocation(op);
        const before = server.hits();
        const value = exampleFields(op)[field.name] ?? "value";
        const result = await runCli([...args, flag(field.name), value], env);
        expect(result.code).toBe(exitCodes.usage);
        expect(result.stderr).toContain(`${flag(field.name)} is refused`);
        expect(result.stderr).toContain(variable(field.name));
        expectNoSecret(result.stderr + result.stdout, [value], "the output");
        expect(server.hits()).toBe(before);
      },
    );

    it.each(secrets.map((f) => [f.name, f] as const))(
      "reads %s from standard input with its -stdin flag",
      async (_, field) => {
        const { args, env } = invocation(op);
        const value = exampleFields(op)[field.name] ?? "";
        delete env[variable(field.name)];
        const result = await runCli([...args, `${flag(field.name)}-stdin`], env, `${value}\n`);
        expect(result.code).toBe(exitCodes.ok);
        expectSameSecret(received.at(-1)?.fields[field.name], value, `the ${field.name} sent`);
      },
    );

    if (op.bearer) {
      it("refuses --access-token as a flag; reads it from KLEARSTACK_ACCESS_TOKEN or --access-token-stdin", async () => {
        const { args, env } = invocation(op);
        const refused = await runCli([...args, "--access-token", exampleBearer], env);
        expect(refused.code).toBe(exitCodes.usage);
        expect(refused.stderr).toContain("KLEARSTACK_ACCESS_TOKEN");
        expectNoSecret(refused.stderr, [exampleBearer], "stderr");

        delete env.KLEARSTACK_ACCESS_TOKEN;
        const missing = await runCli(args, env);
        expect(missing.code).toBe(exitCodes.usage);
        expect(missing.stderr).toMatch(/an access token is required: set KLEARSTACK_ACCESS_TOKEN/);

        const piped = await runCli([...args, "--access-token-stdin"], env, exampleBearer);
        expect(piped.code).toBe(exitCodes.ok);
        expectSameSecret(
          received.at(-1)?.authorization,
          `Bearer ${exampleBearer}`,
          "the bearer token",
        );
      });

      it("the API's 401 exits 3 with a message that quotes no token", async () => {
        const { args, env } = invocation(op);
        const result = await runCli(args, { ...env, KLEARSTACK_ACCESS_TOKEN: refusedToken });
        expect(result.code).toBe(exitCodes.api);
        expect(result.stderr).toMatch(/401: the access token is missing, invalid or expired\n$/);
        expectNoSecret(result.stderr, [refusedToken], "stderr");
      });
    }

    it("more than one secret on standard input is a usage error", async () => {
      const stdinFlags = [
        ...secrets.map((f) => `${flag(f.name)}-stdin`),
        ...(op.bearer ? ["--access-token-stdin"] : []),
      ];
      if (stdinFlags.length < 2) return;
      const { args, env } = invocation(op);
      const result = await runCli([...args, ...stdinFlags], env, "x\n");
      expect(result.code).toBe(exitCodes.usage);
      expect(result.stderr).toMatch(/only one secret can come from standard input/);
    });

    it("an API error exits 3 with the server's message on stderr", async () => {
      const [first] = op.fields.filter((f) => !f.secret);
      const { args, env } = invocation(op, {
        ...exampleFields(op),
        ...(first ? { [first.name]: failing } : {}),
      });
      const result = await runCli(args, env);
      expect(result.code).toBe(exitCodes.api);
      expect(result.stderr).toBe(
        `klearstack-token ${command}: the API answered 500: ${op.missingParameters[0]?.text}\n`,
      );
      expectSameSecret(result.stdout, "", "stdout");
    });

    it.each(op.fields.filter((f) => f.required && !f.secret).map((f) => [f.name]))(
      "a missing %s is a usage error naming its flag",
      async (name) => {
        const { args, env } = invocation(
          op,
          Object.fromEntries(Object.entries(exampleFields(op)).filter(([n]) => n !== name)),
        );
        const result = await runCli(args, env);
        expect(result.code).toBe(exitCodes.usage);
        expect(result.stderr).toContain(`${flag(name)} must be a non-empty string`);
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
