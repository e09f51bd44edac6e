// A run's inputs follow the model: one flag per request field name, secrets (passwords, tokens,
// bearer credentials) only from KLEARSTACK_* variables or standard input, and a secret passed as a
// flag is refused without being repeated.
import { loadApiModel } from "@klearstack/spec";
import { describe, expect, it } from "vitest";
import { readInputs, runInputs } from "../src/inputs.ts";

const model = await loadApiModel();
const inputs = runInputs(model);
const fieldsByName = new Map(model.operations.flatMap((op) => op.fields.map((f) => [f.name, f])));

describe("runInputs", () => {
  it("has one input per distinct request field name of every operation, in first-seen order", () => {
    expect(inputs.fields.map((i) => i.name)).toEqual([...fieldsByName.keys()]);
    for (const input of inputs.fields) {
      expect(input.flag).toBe(input.name.replaceAll("_", "-"));
      expect(input.description).toBe(
        fieldsByName.get(input.name)?.description?.replace(/\s+/g, " ").trim(),
      );
    }
  });

  it("makes every secret field a KLEARSTACK_<FIELD> variable or a --<field>-stdin, and only those", () => {
    const secrets = inputs.fields.filter((i) => i.secret);
    expect(secrets.map((i) => i.name)).toEqual(
      [...fieldsByName.values()].filter((f) => f.secret).map((f) => f.name),
    );
    expect(secrets.length).toBeGreaterThanOrEqual(2);
    for (const input of secrets) {
      expect(input.secret).toEqual({
        env: `KLEARSTACK_${input.name.toUpperCase()}`,
        stdinFlag: `${input.flag}-stdin`,
      });
    }
  });

  it("takes no documented example for a JWT field: its token comes from an earlier operation", () => {
    const tokens = inputs.fields.filter((i) => i.token);
    expect(tokens.length).toBeGreaterThan(0);
    for (const input of tokens) {
      expect(input.example).toBeUndefined();
      expect(input.tokenType).toBeDefined();
    }
    for (const input of inputs.fields.filter((i) => !i.token))
      expect(input.example).toBe(fieldsByName.get(input.name)?.example);
  });

  it("has one secret input per bearer scheme, named after the token type it states", () => {
    const schemes = model.operations.flatMap((op) => (op.bearer ? [op.bearer] : []));
    expect(inputs.bearers.map((b) => b.scheme)).toEqual([...new Set(schemes.map((s) => s.name))]);
    for (const bearer of inputs.bearers) {
      const tokenType = schemes.find((s) => s.name === bearer.scheme)?.tokenType;
      expect(bearer.secret.env).toBe(`KLEARSTACK_${String(tokenType).toUpperCase()}_TOKEN`);
      expect(bearer.secret.stdinFlag).toBe(`${tokenType}-token-stdin`);
    }
  });
});

describe("readInputs", () => {
  const [secret] = inputs.fields.filter((i) => i.secret && !i.token);
  const [plain] = inputs.fields.filter((i) => !i.secret);
  const [bearer] = inputs.bearers;
  const source = secret?.secret;
  if (!secret || !source || !plain || !bearer)
    throw new Error("the spec has a secret, a plain field and a bearer");

  it("takes plain fields from their flags", () => {
    const read = readInputs(inputs, { [plain.flag]: "4711" }, {}, [], []);
    expect(read).toEqual({ ok: true, given: { fields: { [plain.name]: "4711" }, bearers: {} } });
  });

  it("refuses a secret on the command line, naming the variable and the stdin flag, not the value", () => {
    const read = readInputs(inputs, { [secret.flag]: "hunter2" }, {}, [], []);
    expect(read.ok).toBe(false);
    const refusal = read.ok ? "" : read.refusal;
    expect(refusal).toContain(`--${secret.flag} would put a secret on the command line`);
    expect(refusal).toContain(source.env);
    expect(refusal).toContain(`--${source.stdinFlag}`);
    expect(refusal).not.toContain("hunter2");
  });

  it("refuses a bearer credential on the command line too", () => {
    const read = readInputs(inputs, { [bearer.flag]: "credential" }, {}, [], []);
    expect(read.ok ? "" : read.refusal).toContain(bearer.secret.env);
  });

  it("reads secrets from their variables; an empty variable counts as unset", () => {
    const env = { [source.env]: "from-env", [bearer.secret.env]: "" };
    const read = readInputs(inputs, {}, env, [], []);
    expect(read).toEqual({
      ok: true,
      given: { fields: { [secret.name]: "from-env" }, bearers: {} },
    });
  });

  it("reads one line of standard input per --*-stdin flag, in the order given, before variables", () => {
    const env = { [source.env]: "from-env" };
    const flags = [bearer.secret.stdinFlag, source.stdinFlag];
    const read = readInputs(inputs, {}, env, flags, ["line-1", "line-2", ""]);
    expect(read).toEqual({
      ok: true,
      given: { fields: { [secret.name]: "line-2" }, bearers: { [bearer.scheme]: "line-1" } },
    });
  });

  it("refuses a --*-stdin flag that standard input has no line for", () => {
    const read = readInputs(inputs, {}, {}, [source.stdinFlag], [""]);
    expect(read.ok ? "" : read.refusal).toContain(
      `--${source.stdinFlag}: standard input held no line 1`,
    );
  });
});
