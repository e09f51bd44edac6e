// Unit test of the static-answer cache and of rendering: Prism is replaced by a scripted stand-in
// so that its failures can be produced on demand (the contract tests use the real engine).
import { describe, expect, it } from "vitest";
import { createAnswerer, type PrismReply, render } from "../src/answers.ts";
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
    await answer(input, operation, { dynamic: false }, true);
    const second = await answer(input, operation, { dynamic: false }, true);
    expect(second).toMatchObject({ ok: true, statusCode: 200, text: '{"a":1}' });
    expect(calls()).toBe(1);
  });

  it("asks again when the security verdict differs: the answer depends on it", async () => {
    const { answer, calls } = engineAnswering([() => Promise.resolve(right)]);
    await answer(input, operation, { dynamic: false }, true);
    await answer(input, operation, { dynamic: false }, false);
    expect(calls()).toBe(2);
  });

  it("asks Prism every time for dynamic answers", async () => {
    const { answer, calls } = engineAnswering([() => Promise.resolve(right)]);
    await answer(input, operation, { dynamic: true }, true);
    await answer(input, operation, { dynamic: true }, true);
    expect(calls()).toBe(2);
  });

  it("does not remember a thrown failure: the next request asks Prism again", async () => {
    const { answer, calls } = engineAnswering([
      () => Promise.reject(new Error("engine hiccup")),
      () => Promise.resolve(right),
    ]);
    await expect(answer(input, operation, { dynamic: false }, true)).rejects.toThrow(
      "engine hiccup",
    );
    await Promise.resolve();
    await expect(answer(input, operation, { dynamic: false }, true)).resolves.toMatchObject({
      ok: true,
    });
    expect(calls()).toBe(2);
  });

  it("does not remember an error answer", async () => {
    const left = { _tag: "Left", left: { status: 500, message: "no example" } };
    const { answer, calls } = engineAnswering([
      () => Promise.resolve(left),
      () => Promise.resolve(right),
    ]);
    await expect(answer(input, operation, { dynamic: false }, true)).resolves.toMatchObject({
      ok: false,
    });
    await expect(answer(input, operation, { dynamic: false }, true)).resolves.toMatchObject({
      ok: true,
    });
    expect(calls()).toBe(2);
  });
});

describe("render", () => {
  const reply = (body: unknown, contentType?: string): PrismReply => ({
    ok: true,
    statusCode: 200,
    headers: contentType ? { "content-type": contentType } : {},
    body,
    text: body === undefined ? "" : typeof body === "string" ? body : JSON.stringify(body),
    violations: [],
  });
  const none = { fields: {}, presented: [] };

  it("sends a bodyless answer as zero bytes", () => {
    expect(render(reply(undefined), undefined, none)).toEqual({
      headers: { "content-length": "0" },
      body: "",
    });
  });

  it("sends text as it is, and counts its bytes", () => {
    const rendered = render(reply("naïve", "text/plain"), [], none);
    expect(rendered.body).toBe("naïve");
    expect(rendered.headers["content-length"]).toBe("6");
  });
});
