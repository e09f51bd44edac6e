// Unit test of the static-answer cache: Prism is replaced by a scripted stand-in so that its
// failures can be produced on demand (the contract tests use the real engine).
import { describe, expect, it } from "vitest";
import { createAnswerer } from "../src/answers.ts";
import type { Engine } from "../src/engine.ts";
import type { Operation, PrismRequest } from "../src/prism.ts";

const operation = { path: "/x", method: "post" } as unknown as Operation;
const input = { method: "post", url: { path: "/x" }, headers: {} } as PrismRequest;
const right = {
  _tag: "Right",
  right: { output: { statusCode: 200, headers: {}, body: { a: 1 } }, validations: { output: [] } },
};

function engineAnswering(script: (() => Promise<unknown>)[]) {
  let calls = 0;
  const prism = { request: () => () => (script[calls++] ?? script.at(-1))!() };
  const engine = { prism, config: {}, rules: new Map(), operations: [] } as unknown as Omit<
    Engine,
    "answer"
  >;
  return { answer: createAnswerer(engine), calls: () => calls };
}

describe("static answers are computed once per loaded spec", () => {
  it("asks Prism once for repeated identical static requests", async () => {
    const { answer, calls } = engineAnswering([() => Promise.resolve(right)]);
    await answer(input, operation, { dynamic: false });
    const second = await answer(input, operation, { dynamic: false });
    expect(second).toMatchObject({ ok: true, statusCode: 200, body: '{"a":1}' });
    expect(calls()).toBe(1);
  });

  it("asks Prism every time for dynamic answers", async () => {
    const { answer, calls } = engineAnswering([() => Promise.resolve(right)]);
    await answer(input, operation, { dynamic: true });
    await answer(input, operation, { dynamic: true });
    expect(calls()).toBe(2);
  });

  it("does not remember a thrown failure: the next request asks Prism again", async () => {
    const { answer, calls } = engineAnswering([
      () => Promise.reject(new Error("engine hiccup")),
      () => Promise.resolve(right),
    ]);
    await expect(answer(input, operation, { dynamic: false })).rejects.toThrow("engine hiccup");
    await Promise.resolve();
    await expect(answer(input, operation, { dynamic: false })).resolves.toMatchObject({ ok: true });
    expect(calls()).toBe(2);
  });

  it("does not remember an error answer", async () => {
    const left = { _tag: "Left", left: { status: 500, message: "no example" } };
    const { answer, calls } = engineAnswering([
      () => Promise.resolve(left),
      () => Promise.resolve(right),
    ]);
    await expect(answer(input, operation, { dynamic: false })).resolves.toMatchObject({
      ok: false,
    });
    await expect(answer(input, operation, { dynamic: false })).resolves.toMatchObject({ ok: true });
    expect(calls()).toBe(2);
  });
});
