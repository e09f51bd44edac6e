// A secret pasted after the wrong flag (or without one) becomes a stray argument. The command
// refuses it without showing it: it would land on screen and in CI logs.
import { expect, it } from "vitest";
import { exitCodes } from "../src/cli/run.ts";
import { exampleBearer, operations } from "./support/fixtures.ts";
import { cliCall, runCliInProcess } from "./support/in-process-cli.ts";

const secret = "Pw-x s&x=%stray";

it.each(operations.map((op) => [op.operationId, op] as const))(
  "%s: a stray argument is refused, not shown",
  async (_, op) => {
    const { argv, env } = cliCall(op, "http://127.0.0.1:9", op.exampleInput, exampleBearer);
    const run = await runCliInProcess([...argv, secret], env);
    expect(run.code).toBe(exitCodes.usage);
    expect(run.stderr).toContain("unexpected argument (not shown)");
    expect(run.stderr).not.toContain("Pw-x");
    expect(run.stdout).toBe("");
  },
);
