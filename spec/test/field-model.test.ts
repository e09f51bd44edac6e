// What the model tells about each field and credential beyond its schema: kind, the names a user
// types, and the response it documents for a status (exact, range, default).
import { describe, expect, it } from "vitest";
import { UNSEEN_OPERATION_ID, unseenOperationDocument } from "../fixtures/index.ts";
import { coerceFormValue, encodeFormValue, loadApiModel, loadSpec } from "../index.ts";

describe("fields and credentials in the model", async () => {
  const model = await loadApiModel();

  it("gives each field its kind and the flag and variable a user sets it with", () => {
    const login = model.operation("getAccessToken");
    expect(login.fields.map((f) => [f.name, f.kind, f.flag, f.envVar, f.stdinFlag, f.jwt])).toEqual(
      [
        ["username", "string", "username", "KLEARSTACK_USERNAME", "username-stdin", false],
        ["password", "string", "password", "KLEARSTACK_PASSWORD", "password-stdin", false],
        [
          "company_name",
          "string",
          "company-name",
          "KLEARSTACK_COMPANY_NAME",
          "company-name-stdin",
          false,
        ],
      ],
    );
    const refreshToken = model.operation("getAccessTokenFromRefreshToken").fields[0];
    expect([refreshToken?.jwt, refreshToken?.secret]).toEqual([true, true]);
  });

  it("names the bearer credential by the token it takes", () => {
    const bearer = model.operation("getAccessTokenFromRefreshToken").bearer;
    expect([bearer?.envVar, bearer?.flag, bearer?.stdinFlag]).toEqual([
      "KLEARSTACK_ACCESS_TOKEN",
      "access-token",
      "access-token-stdin",
    ]);
  });

  it("types a field's example and keeps an array's example out of the one-string examples", async () => {
    const document = loadSpec();
    const schema = document.components.schemas.UserIdLogin as {
      properties: Record<string, unknown>;
    };
    schema.properties.minutes = { type: "integer", default: 15, examples: [30] };
    schema.properties.scopes = { type: "array", items: { enum: ["a", "b"] }, examples: [["a"]] };
    const op = (await loadApiModel({ document })).operation("getAccessTokenFromUserId");
    const [minutes, scopes] = op.fields.slice(-2);
    expect(minutes).toMatchObject({
      kind: "integer",
      default: 15,
      example: "30",
      exampleValue: 30,
    });
    expect(minutes?.required).toBe(false);
    expect(scopes).toMatchObject({ kind: "array", example: undefined, exampleValue: ["a"] });
    expect(scopes?.items).toMatchObject({ kind: "string", enum: ["a", "b"] });
    expect(op.exampleFields).toMatchObject({ minutes: "30" });
    expect("scopes" in op.exampleFields).toBe(false);
  });

  it("answers the response documented for a status: exact, then range, then default", async () => {
    const document = loadSpec();
    const responses = document.paths["/access/klearstack/get_access_token"]!.post!.responses;
    responses["4XX"] = { description: "A client error." };
    responses.default = { description: "Anything else." };
    const op = (await loadApiModel({ document })).operation("getAccessToken");
    expect(op.response(500)?.status).toBe("500");
    expect(op.response(404)?.status).toBe("4XX");
    expect(op.response(302)?.status).toBe("default");
    expect(model.operation("getAccessToken").response(404)).toBeUndefined();
  });
});

describe("the unseen fixture's fields", async () => {
  const op = (await loadApiModel({ document: unseenOperationDocument() })).operation(
    UNSEEN_OPERATION_ID,
  );

  it("cover every kind a form carries, required and optional, with and without a default", () => {
    const kinds = op.fields.map((f) => f.kind);
    for (const kind of ["string", "integer", "number", "boolean", "array", "file"] as const) {
      expect(kinds, kind).toContain(kind);
    }
    const optional = op.fields.filter((f) => !f.required);
    expect(optional.some((f) => f.default !== undefined)).toBe(true);
    expect(optional.some((f) => f.default === undefined)).toBe(true);
    expect(op.fields.some((f) => f.kind === "string" && f.enum)).toBe(true);
    expect(op.fields.some((f) => f.kind === "string" && f.format && f.schema.pattern)).toBe(true);
    expect(op.fields.some((f) => f.kind === "array" && f.items?.enum)).toBe(true);
  });

  it("types each documented example, and round-trips it through its wire text", () => {
    for (const field of op.fields.filter((f) => f.exampleValue !== undefined)) {
      const texts = [field.exampleValue].flat().map(String);
      const typed = coerceFormValue(field, field.kind === "array" ? texts : (texts[0] ?? ""));
      expect(typed, field.name).toEqual(field.exampleValue);
      const sent = encodeFormValue(field, typed, "application/x-www-form-urlencoded");
      expect(
        sent.map(([, value]) => value),
        field.name,
      ).toEqual(texts);
    }
  });
});
