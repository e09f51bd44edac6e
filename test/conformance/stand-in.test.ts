// real server ↔ spec: the conformance run passes a stand-in that serves every operation as the spec
// documents, reports every drift of it as failing (exit 1) in exactly the checks that drift breaks,
// takes secrets only from the environment or standard input, and never prints a secret.
import { type Check, planChecks, runInputs } from "@klearstack/conformance";
import { loadApiModel, SECRET_MASK } from "@klearstack/spec";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conformance, type Row, tableRows } from "./cli.ts";
import { drifts, type StandIn, startStandIn } from "./stand-in.ts";
import type { KnownSecret } from "./tokens.ts";

const model = await loadApiModel();
const inputs = runInputs(model);
const checks = model.operations.flatMap(planChecks);
const issued = (server: StandIn) => (): KnownSecret[] =>
  server.issued.map((text, i) => ({ name: `the stand-in's token #${i + 1}`, text }));

/** The planned check a table row reports. */
const checkOf = (row: Row): Check => {
  const found = checks.find(
    (c) =>
      c.operation.operationId === row.operation &&
      (c.mediaType ?? "(no body)") === row.encoding &&
      c.name === row.check,
  );
  if (!found) throw new Error(`the table shows a check that was never planned: ${row.check}`);
  return found;
};
const issuesTokens = (c: Check) => (c.operation.success?.body?.tokens.length ?? 0) > 0;
const isValid = (c: Check) => c.kind === "valid-request";
const isMissing = (c: Check) => c.kind === "missing-field" || c.kind === "empty-field";
const secretField = (c: Check) =>
  c.operation.fields.some((f) => f.secret && c.name.startsWith(`${f.name} `));

// The checks each drift must break, by what they check (from the plan, not by restated names).
const breaks: Record<keyof typeof drifts, (check: Check) => boolean> = {
  "a string field of the 200 body sent as a number": isValid,
  "a token missing from the 200 body": (c) => isValid(c) && issuesTokens(c),
  "a bearer call's 200 body missing its token": (c) =>
    isValid(c) && issuesTokens(c) && Boolean(c.operation.bearer),
  "200 body sent as text/html": isValid,
  "tokens living longer than documented": (c) => isValid(c) && issuesTokens(c),
  "opaque (non-JWT) tokens issued": (c) => isValid(c) && issuesTokens(c),
  "bearer check skipped": (c) => c.kind === "no-bearer",
  "missing parameter answered 400": isMissing,
  "missing parameter answered as JSON": isMissing,
  "missing parameter text reworded": isMissing,
  "a secret field's missing-parameter text reworded": (c) => isMissing(c) && secretField(c),
  "tokens issued despite a missing parameter": isMissing,
  "multipart/form-data refused": (c) => c.mediaType === "multipart/form-data",
  "tokens missing a documented claim": (c) => isValid(c) && issuesTokens(c),
  "a required non-token field missing from the 200 body": isValid,
};

describe("conformance against a faithful stand-in of the documented API", () => {
  let server: StandIn;
  beforeAll(async () => {
    server = await startStandIn();
  });
  afterAll(() => server.close());

  it("runs every planned check of every operation, passes them all, exits 0", async () => {
    // As a process: the exit code and the printed table a CI job sees.
    const run = await conformance(["--base-url", server.url], {
      secrets: issued(server),
      process: true,
    });
    expect(run.output).toMatch(
      /^#\s+operation\s+request encoding\s+check\s+expected\s+got\s+result$/m,
    );
    const rows = tableRows(run.output);
    expect(rows.map(checkOf)).toEqual(expect.arrayContaining(checks));
    expect(rows).toHaveLength(checks.length);
    expect(rows.filter((row) => row.result !== "PASS")).toEqual([]);
    expect(run.output).toMatch(/(\d+)\/\1 checks passed\./);
    expect(run.code).toBe(0);
    expect(run.leaked, "secrets whose text was printed (names only)").toEqual([]);
  });

  it("chains: every bearer call carried a token, the logins' ran first", async () => {
    server.seen.length = 0;
    await conformance(["--base-url", server.url]);
    const bearerOps = model.operations.filter((op) => op.bearer).map((op) => op.operationId);
    expect(bearerOps.length).toBeGreaterThan(0);
    const first = server.seen.findIndex((s) => bearerOps.includes(s.operationId));
    expect(server.seen.slice(0, first).every((s) => !bearerOps.includes(s.operationId))).toBe(true);
    // Only the 401 check goes without credentials: once per encoding of each bearer call.
    const bare = server.seen.filter((s) => bearerOps.includes(s.operationId) && !s.authorized);
    const encodings = model.operations
      .filter((op) => op.bearer)
      .reduce((n, op) => n + (op.request?.mediaTypes.length ?? 0), 0);
    expect(bare).toHaveLength(encodings);
  });

  it("sends the user's flag values and the secrets from the environment and stdin, masked", async () => {
    // A secret field and a plain field of the same operation.
    const viaEnv = inputs.fields.find((i) => i.secret && !i.token);
    const op = model.operations.find((o) => o.fields.some((f) => f.name === viaEnv?.name));
    const plain = inputs.fields.find((i) => !i.secret && op?.fields.some((f) => f.name === i.name));
    const secret = { name: "the test's secret", text: "s3cret-from-the-test-7d41" };
    if (!plain || !viaEnv?.secret) throw new Error("the spec has a plain and a secret field");
    server.seen.length = 0;
    const run = await conformance(["--base-url", server.url, `--${plain.flag}`, "4711"], {
      env: { [viaEnv.secret.env]: secret.text },
      secrets: () => [secret, ...issued(server)()],
    });
    expect(run.code).toBe(0);
    expect(run.leaked, "secrets whose text was printed (names only)").toEqual([]);
    const complete = server.seen.filter((s) => s.fields[plain.name] && s.fields[viaEnv.name]);
    expect(complete.length).toBeGreaterThan(0);
    for (const request of complete) {
      expect(request.fields[plain.name]).toBe("4711");
      expect(request.fields[viaEnv.name] === secret.text, "the secret from the env").toBe(true);
    }
    // The same secret through standard input.
    server.seen.length = 0;
    const piped = await conformance(["--base-url", server.url, `--${viaEnv.secret.stdinFlag}`], {
      process: true, // the process's real standard input
      stdin: `${secret.text}\n`,
      secrets: () => [secret, ...issued(server)()],
    });
    expect(piped.code).toBe(0);
    expect(piped.leaked, "secrets whose text was printed (names only)").toEqual([]);
    const sent = server.seen.filter((s) => s.fields[viaEnv.name]);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((s) => s.fields[viaEnv.name] === secret.text)).toBe(true);
  });
});

describe("conformance against drifted servers", () => {
  it.each(Object.entries(drifts))("reports a server with %s as failing", async (name, drift) => {
    const server = await startStandIn(drift);
    try {
      const run = await conformance(["--base-url", server.url], { secrets: issued(server) });
      expect(run.code).toBe(1);
      const broken = breaks[name as keyof typeof drifts];
      const rows = tableRows(run.output).map((row) => ({ row, check: checkOf(row) }));
      const failed = rows.filter(({ row }) => row.result === "FAIL");
      expect(failed.length).toBeGreaterThan(0);
      // Every failure is one this drift breaks...
      for (const { row, check } of failed) expect(broken(check), row.check).toBe(true);
      // ...and every check it breaks failed, or could not run for want of a token it withheld.
      for (const { row } of rows.filter(({ check }) => broken(check)))
        expect(row.result, `${row.operation} ${row.encoding} ${row.check}`).not.toBe("PASS");
      for (const { row } of rows.filter(({ row }) => row.result === "NOT RUN"))
        expect(row.got).toBe("not run");
      expect(run.output).toMatch(/\d+\/\d+ checks passed, \d+ failed(, \d+ not run)?\./);
      expect(run.leaked, "secrets whose text was printed (names only)").toEqual([]);
    } finally {
      await server.close();
    }
  });

  it("names why an operation could not run: the token it needed and where to give one", async () => {
    const server = await startStandIn("opaque-tokens");
    try {
      const run = await conformance(["--base-url", server.url], { secrets: issued(server) });
      // Opaque tokens do not decode to a token type, so no call that needs one can run.
      const needy = model.operations.filter((op) => op.bearer).map((op) => op.operationId);
      const notRun = tableRows(run.output).filter((row) => row.result === "NOT RUN");
      expect(new Set(notRun.map((row) => row.operation))).toEqual(new Set(needy));
      const envs = [...inputs.fields, ...inputs.bearers].flatMap((i) => i.secret?.env ?? []);
      const reasons = run.output.split("Not run:")[1] ?? "";
      expect(reasons).toMatch(/needs .*, and no operation run so far returned/);
      expect(envs.some((env) => reasons.includes(env))).toBe(true);
      // The opaque tokens it did get are masked wherever they were quoted.
      expect(run.leaked, "secrets whose text was printed (names only)").toEqual([]);
    } finally {
      await server.close();
    }
  });

  it("masks tokens that arrive where an error was documented", async () => {
    const leaky = await startStandIn("tokens-when-missing");
    try {
      const run = await conformance(["--base-url", leaky.url], { secrets: issued(leaky) });
      expect(run.output).toContain(SECRET_MASK);
      expect(run.leaked, "secrets whose text was printed (names only)").toEqual([]);
    } finally {
      await leaky.close();
    }
  });
});
