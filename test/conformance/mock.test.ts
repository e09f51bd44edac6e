// real server ↔ spec, run against our own mock: the mock must conform like the real API would,
// every operation chained from the logins, and the run prints no token and no password.
import { runInputs } from "@klearstack/conformance";
import { useMock } from "@klearstack/mock/testing";
import { loadApiModel } from "@klearstack/spec";
import { describe, expect, it } from "vitest";
import { conformance, tableRows } from "./cli.ts";

const model = await loadApiModel();
const password = { name: "the test's password", text: "mock-test-password-93c1" };
const passwordInput = runInputs(model).fields.find((i) => i.secret && !i.token);

describe("conformance against the mock", () => {
  const mock = useMock();

  it("passes every check of every operation and prints no token or password", async () => {
    if (!passwordInput?.secret) throw new Error("the spec has a password-like secret field");
    const run = await conformance(["--base-url", mock.url], {
      env: { [passwordInput.secret.env]: password.text },
      secrets: () => [password],
    });
    const rows = tableRows(run.output);
    expect(new Set(rows.map((row) => row.operation))).toEqual(
      new Set(model.operations.map((op) => op.operationId)),
    );
    expect(rows.filter((row) => row.result !== "PASS")).toEqual([]);
    expect(run.output).toMatch(/(\d+)\/\1 checks passed\./);
    expect(run.code).toBe(0);
    expect(run.leaked, "secrets whose text was printed (names only)").toEqual([]);
  });
});
