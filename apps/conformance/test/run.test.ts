// The runner chains operations from the model: those needing no token run first, their tokens fill
// the bearer credential and JWT fields of the rest, an operation whose inputs cannot be met is
// reported as not run (with where to give them), and no secret reaches the report. `fetch` is a
// fake here (a unit test); test/conformance runs the same code against real servers.
import { loadApiModel } from "@klearstack/spec";
import { fakeApi as createFakeApi, type Received } from "@klearstack/test-support/fake-api";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runConformance } from "../src/index.ts";
import { runInputs } from "../src/inputs.ts";

const model = await loadApiModel();
const bearerScheme = model.operations.find((op) => op.bearer)?.bearer;
const bearerType = bearerScheme && model.chain.bearerTokenType(bearerScheme);
// The documented example tokens of each type, as the fake API hands them out.
const exampleTokens = new Map<string | undefined, Set<string>>();
for (const op of model) {
  const body = op.success?.body;
  const value = body?.examples[0]?.value as Record<string, string> | undefined;
  for (const token of body?.tokens ?? []) {
    const known = exampleTokens.get(token.tokenType) ?? new Set();
    exampleTokens.set(token.tokenType, known.add(value?.[token.name] ?? ""));
  }
}

/** The bearer token a request carried. */
const bearerOf = (request: Received) => request.authorization?.replace(/^Bearer /, "");

/**
 * The fake KlearStack answering every operation as documented, handing out the spec's example
 * tokens (`issueTokens: false`: no tokens) and refusing a bearer call only without credentials.
 * Returns what it received.
 */
function fakeApi({ issueTokens = true } = {}): Received[] {
  const api = createFakeApi(model, {
    credentials: "present",
    tokens: issueTokens ? "example" : "none",
  });
  vi.stubGlobal("fetch", vi.fn(api.fetch));
  return api.received;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

const baseUrl = new URL("http://127.0.0.1:9");

describe("runConformance, chaining the operations of the model", () => {
  it("runs operations that need no token first, then fills bearer and JWT fields from their tokens", async () => {
    const sent = fakeApi();
    const result = await runConformance({ baseUrl, model });
    expect(result.outcomes.filter((o) => o.result !== "pass")).toEqual([]);
    expect(result.ok).toBe(true);

    const needsToken = (id: string) => {
      const op = model.operation(id);
      return Boolean(op.bearer) || op.fields.some((f) => f.jwt);
    };
    const order = [...new Set(sent.map((s) => s.operationId))];
    expect(order).toHaveLength(model.operations.length);
    const firstNeedy = order.findIndex(needsToken);
    expect(firstNeedy).toBeGreaterThan(0);
    expect(order.slice(firstNeedy).every(needsToken)).toBe(true);

    // Compared as booleans: a failing assertion must not print a token.
    for (const request of sent) {
      const op = model.operation(request.operationId);
      if (op.bearer && bearerOf(request)) {
        const issued = exampleTokens.get(bearerType)?.has(bearerOf(request) ?? "");
        expect(issued, `${op.operationId}: bearer is a ${bearerType} token the API issued`).toBe(
          true,
        );
      }
      for (const field of op.fields.filter((f) => f.jwt)) {
        const value = request.fields[field.name];
        if (!value) continue;
        const type = field.tokenType;
        const issued = exampleTokens.get(type)?.has(value);
        expect(issued, `${op.operationId}: ${field.name} is a ${type} token the API issued`).toBe(
          true,
        );
      }
    }
  });

  it("reports operations whose tokens no one returned as not run, saying where to give them", async () => {
    fakeApi({ issueTokens: false });
    const result = await runConformance({ baseUrl, model });
    expect(result.ok).toBe(false);
    const inputs = runInputs(model);
    for (const op of model.operations.filter((o) => o.bearer)) {
      const outcomes = result.outcomes.filter((o) => o.check.operation === op);
      expect(outcomes.length).toBeGreaterThan(0);
      for (const outcome of outcomes) {
        expect(outcome.result).toBe("not run");
        const envs = [...inputs.fields, ...inputs.bearers].flatMap((i) => i.secret?.env ?? []);
        expect(envs.some((env) => outcome.problems[0]?.includes(env))).toBe(true);
      }
    }
    expect(result.report).toMatch(/\d+\/\d+ checks passed, \d+ failed, \d+ not run\./);
    expect(result.report).toContain("Not run:");
  });

  it("uses the bearer credential and token fields the user gave when no operation returns them", async () => {
    const sent = fakeApi({ issueTokens: false });
    const bearers = Object.fromEntries(
      runInputs(model).bearers.map((b) => [b.scheme, "given-bearer"]),
    );
    const fields = Object.fromEntries(
      runInputs(model)
        .fields.filter((i) => i.token)
        .map((i) => [i.name, `given-${i.name}`]),
    );
    const result = await runConformance({ baseUrl, model, bearers, fields });
    expect(result.outcomes.filter((o) => o.result === "not run")).toEqual([]);
    const authorized = sent.filter(bearerOf);
    expect(authorized.length).toBeGreaterThan(0);
    for (const request of authorized) expect(bearerOf(request)).toBe("given-bearer");
    expect(result.report).not.toContain("given-bearer");
    for (const value of Object.values(fields)) expect(result.report).not.toContain(value);
  });

  it("masks every secret it sent or received in the report, even where a server echoes it", async () => {
    const password = "correct-horse-battery-staple";
    const secretField = runInputs(model).fields.find((i) => i.secret && !i.token)!;
    const bearers = Object.fromEntries(
      runInputs(model).bearers.map((b) => [b.scheme, "given-bearer"]),
    );
    // A drifted server that answers every request, in plain text, with what it was sent.
    vi.stubGlobal("fetch", async (_url: URL, init: RequestInit) => {
      const body = init.body instanceof FormData ? [...init.body.values()] : [String(init.body)];
      const auth = (init.headers as Record<string, string>).authorization ?? "";
      return new Response(`you sent ${body.join(" ")} ${auth.replace(/^Bearer /, "")}`, {
        status: 500,
      });
    });
    const result = await runConformance({
      baseUrl,
      model,
      fields: { [secretField.name]: password },
      bearers,
    });
    expect(result.ok).toBe(false);
    expect(result.report).toContain("you sent");
    expect(result.report).not.toContain(password);
    expect(result.report).not.toContain(encodeURIComponent(password));
    expect(result.report).not.toContain("given-bearer");
  });
});
