// The console's model is the operation model cut down to what the page needs: every operation,
// its fields with their documented examples, where its secrets come from, its responses and the
// tokens they carry, and the servers with the local mock first. It never carries an example token.
import {
  encodeFormValue,
  type FieldModel,
  type FormValue,
  loadApiModel,
  maskSecrets,
} from "@klearstack/spec";
import { UNSEEN_OPERATION_ID, unseenOperationDocument } from "@klearstack/spec/fixtures";
import { describe, expect, it } from "vitest";
import { consoleModelOf } from "../src/console/model.ts";
import type { ConsoleField } from "../src/console/types.ts";
import { operationRoute } from "../src/page.ts";
import { sampleSecrets } from "../src/sample-secrets.ts";

const model = await loadApiModel();
const shown = consoleModelOf(model);
const pairs = model.operations.map((op, i) => [op.operationId, op, shown.operations[i]] as const);

/** A description's first paragraph as plain text (Markdown marks gone, spaces joined). */
const firstParagraph = (markdown: string) =>
  (markdown.trim().split(/\n\s*\n/)[0] ?? "").replaceAll(/[`*]/g, "").replace(/\s+/g, " ").trim();

/**
 * The form values a pre-filled control holds: an array's control (a textarea or a multi-select)
 * one value per line, any other control its one text.
 */
const prefilledValues = (field: ConsoleField | undefined): string[] | undefined =>
  field?.example === undefined
    ? undefined
    : field.kind === "array"
      ? field.example.split("\n")
      : [field.example];

/** The form values the documented example goes on the wire as (the model's encoding). */
const documentedValues = (field: FieldModel, mediaType: string): string[] | undefined =>
  field.exampleValue === undefined
    ? undefined
    : encodeFormValue(field, field.exampleValue as FormValue, mediaType).map(([, value]) =>
        String(value),
      );

/** Every string of the spec that the masker hides: the documented example tokens. */
function exampleTokens(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === "string" && maskSecrets(value) !== value) into.add(value);
  else if (value && typeof value === "object") {
    for (const inner of Object.values(value)) exampleTokens(inner, into);
  }
  return into;
}

describe("the console model", () => {
  it("has every operation of the spec, in its order, at the route Redoc shows it", () => {
    expect(shown.operations.map((op) => op.operationId)).toEqual(
      model.operations.map((op) => op.operationId),
    );
    for (const [id, op, consoleOp] of pairs) {
      expect(consoleOp?.route, id).toBe(operationRoute(op));
      expect(consoleOp?.method, id).toBe(op.method.toUpperCase());
      expect(consoleOp?.path, id).toBe(op.path);
      expect(consoleOp?.mediaTypes, id).toEqual(op.request?.mediaTypes);
    }
  });

  it.each(pairs)(
    "%s: one input per request field, the documented example pre-filled unless it is a token",
    (_id, op, consoleOp) => {
      expect(consoleOp?.fields.map((f) => f.name)).toEqual(op.fields.map((f) => f.name));
      for (const field of op.fields) {
        const shownField = consoleOp?.fields.find((f) => f.name === field.name);
        expect(shownField?.required, field.name).toBe(field.required);
        expect(shownField?.secret, field.name).toBe(field.secret);
        expect(shownField?.tokenType, field.name).toBe(field.tokenType);
        expect(shownField?.kind, field.name).toBe(field.kind);
        const isToken =
          field.tokenType !== undefined ||
          (field.example !== undefined && maskSecrets(field.example) !== field.example);
        // A file input cannot start with a file; any other control starts with the values the
        // documented example is sent as (an array's items as its lines).
        expect(prefilledValues(shownField), field.name).toEqual(
          isToken || field.kind === "file"
            ? undefined
            : documentedValues(field, op.request?.mediaTypes[0] ?? ""),
        );
        if (field.example !== undefined && !isToken) {
          expect(shownField?.example, field.name).toBe(field.example);
        }
      }
    },
  );

  it("pre-fills a secret that is not a token (the example password) with its documented example", () => {
    const secrets = pairs.flatMap(([, op, consoleOp]) =>
      op.fields
        .filter((f) => f.secret && f.tokenType === undefined && f.example !== undefined)
        .map((f) => [f, consoleOp?.fields.find((c) => c.name === f.name)] as const),
    );
    expect(secrets.length).toBeGreaterThan(0);
    for (const [field, shownField] of secrets) expect(shownField?.example).toBe(field.example);
  });

  it.each(pairs)(
    "%s: secrets read the same variables as the docs samples",
    (_id, op, consoleOp) => {
      for (const secret of sampleSecrets(op)) {
        if ("bearer" in secret.fills) {
          expect(consoleOp?.bearer?.variable).toBe(secret.variable);
          expect(consoleOp?.bearer?.header).toBe(secret.fills.bearer);
          expect(consoleOp?.bearer?.tokenType).toBe(op.bearer?.tokenType);
        } else {
          const { field } = secret.fills;
          expect(consoleOp?.fields.find((f) => f.name === field)?.variable).toBe(secret.variable);
        }
      }
      expect(consoleOp?.bearer === undefined).toBe(op.bearer === undefined);
    },
  );

  it.each(pairs)(
    "%s: every documented response, with the token fields of its body",
    (_id, op, consoleOp) => {
      expect(consoleOp?.responses.map((r) => r.status)).toEqual(op.responses.map((r) => r.status));
      for (const response of op.responses) {
        const shownResponse = consoleOp?.responses.find((r) => r.status === response.status);
        expect(shownResponse?.tokens).toEqual(
          (response.body?.tokens ?? []).map((t) => ({ name: t.name, tokenType: t.tokenType })),
        );
        expect(shownResponse?.description).toBe(firstParagraph(response.description));
      }
    },
  );

  it("carries none of the spec's example tokens", () => {
    const tokens = exampleTokens(model.resolved);
    expect(tokens.size).toBeGreaterThan(0);
    const json = JSON.stringify(shown);
    for (const token of tokens) expect(json.includes(token)).toBe(false);
  });

  it("lists the spec's servers, loopback (the local mock) first, the build's server URL replacing the first", () => {
    expect(shown.servers.map((s) => s.url).sort()).toEqual(model.servers.map((s) => s.url).sort());
    expect(new URL(shown.servers[0]?.url ?? "").hostname).toMatch(/^(127\.|localhost$|\[::1\]$)/);
    const reordered = consoleModelOf({ ...model, servers: [...model.servers].reverse() });
    expect(reordered.servers.map((s) => s.url)).toEqual(shown.servers.map((s) => s.url));
    const own = consoleModelOf(model, { serverUrl: "http://127.0.0.1:4999" });
    expect(own.servers[0]?.url).toBe("http://127.0.0.1:4999");
  });

  it("follows a spec with an operation the code has never seen, bearer and all", async () => {
    const fixture = await loadApiModel({ document: unseenOperationDocument() as never });
    const unseen = consoleModelOf(fixture).operations.find(
      (o) => o.operationId === UNSEEN_OPERATION_ID,
    );
    const op = fixture.operation(UNSEEN_OPERATION_ID);
    expect(unseen?.route).toBe(operationRoute(op));
    expect(unseen?.fields.map((f) => f.name)).toEqual(op.fields.map((f) => f.name));
    expect(unseen?.bearer?.tokenType).toBe(op.bearer?.tokenType);
    expect(unseen?.responses.map((r) => r.status)).toEqual(op.responses.map((r) => r.status));
    expect(unseen?.responses.flatMap((r) => r.tokens)).toEqual([]);
  });
});
