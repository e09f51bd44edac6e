// The operation model is how every workspace reads the spec. These tests pin what it reports for
// the product spec, that it follows edits, and that an operation it has never seen is read from
// the document alone.
import { describe, expect, it } from "vitest";
import { UNSEEN_OPERATION_ID, unseenOperationDocument } from "../fixtures/index.ts";
import { loadApiModel, loadSpec } from "../index.ts";

const model = await loadApiModel();

describe("the operation model of the product spec", () => {
  // The operationIds as the document lists them (paths, then methods, in order).
  const documented = Object.values(loadSpec().paths).flatMap((item) =>
    Object.values(item as Record<string, { operationId?: string }>).flatMap(
      (op) => op.operationId ?? [],
    ),
  );

  it("lists every operation in document order, iterable and by operationId", () => {
    expect(documented.length).toBeGreaterThan(0);
    expect([...model].map((op) => op.operationId)).toEqual(documented);
    expect(model.operations).toHaveLength(documented.length);
    expect(model.operation("getAccessToken").path).toBe("/access/klearstack/get_access_token");
  });

  it("refuses an unknown operationId, naming the known ones", () => {
    expect(() => model.operation("nope")).toThrow(
      `no operation nope (it has: ${documented.join(", ")})`,
    );
  });

  it("reads method, path, encodings, fields (required, example, secret) of each call", () => {
    const login = model.operation("getAccessToken");
    expect(login.method).toBe("post");
    expect(login.request?.mediaTypes).toEqual([
      "application/x-www-form-urlencoded",
      "multipart/form-data",
    ]);
    expect(login.request?.required).toBe(true);
    expect(login.fields.map((f) => [f.name, f.required, f.secret])).toEqual([
      ["username", true, false],
      ["password", true, true],
      ["company_name", true, false],
    ]);
    expect(login.exampleFields).toMatchObject({ company_name: "Acme Corporation" });
    const grant = model.operation("getAccessTokenFromRefreshToken").fields;
    expect(grant.map((f) => [f.name, f.tokenType])).toEqual([
      ["refresh_token", "refresh"],
      ["company_name", undefined],
    ]);
  });

  it("reads security: none for the logins, the JWT bearer scheme for the refresh", () => {
    expect(model.operation("getAccessTokenFromUserId").security).toEqual([]);
    expect(model.operation("getAccessTokenFromUserId").bearer).toBeUndefined();
    expect(model.operation("getAccessTokenFromRefreshToken").bearer).toMatchObject({
      name: "bearerAccessToken",
      scheme: "bearer",
      bearerFormat: "JWT",
      parameterName: "Authorization",
      tokenType: "access",
    });
  });

  it("reads responses with and without a body, and the token fields of each body", () => {
    const refresh = model.operation("getAccessTokenFromRefreshToken");
    expect(refresh.responses.map((r) => [r.status, r.body?.mediaType])).toEqual([
      ["200", "application/json"],
      ["401", undefined],
      ["500", "text/plain"],
    ]);
    expect(
      refresh.success?.body?.tokens.map((t) => [t.name, t.tokenType, t.lifetime?.default]),
    ).toEqual([["access_token", "access", 900]]);
    const pair = model.operation("getAccessTokenFromUserId").success?.body?.tokens;
    expect(pair?.map((t) => t.tokenType)).toEqual(["refresh", "access"]);
  });

  it("finds the documented text for each missing field, and refuses fields it does not document", () => {
    const refresh = model.operation("getAccessTokenFromRefreshToken");
    expect(refresh.missingParameterText("refresh_token")).toContain('"Refresh Token"');
    expect(refresh.missingParameterText("company_name")).toContain('"Company Name"');
    expect(() => refresh.missingParameterText("password")).toThrow(
      /getAccessTokenFromRefreshToken: the spec documents no answer for a missing password/,
    );
  });

  it("substitutes server variables with their defaults", () => {
    expect(model.servers.map((s) => s.url)).toEqual([
      "http://127.0.0.1:4010",
      "https://klearstack.invalid",
    ]);
  });
});

describe("the model follows the document, whatever it holds", () => {
  it("follows edits (nothing is cached or restated)", async () => {
    const document = loadSpec();
    (document.components.schemas.UserId as { examples: string[] }).examples = ["42"];
    const edited = await loadApiModel({ document });
    expect(edited.operation("getAccessTokenFromUserId").exampleFields.user_id).toBe("42");
  });

  it("reads the unseen fixture operation like any other: bearer, form field, a body without tokens", async () => {
    const unseen = (await loadApiModel({ document: unseenOperationDocument() })).operation(
      UNSEEN_OPERATION_ID,
    );
    expect(unseen.bearer?.name).toBe("bearerAccessToken");
    expect(unseen.fields.filter((f) => f.required).map((f) => f.name)).toEqual(["company_name"]);
    expect(unseen.success?.body?.tokens).toEqual([]);
    expect(unseen.response(401)?.body).toBeUndefined();
    expect(unseen.missingParameterText("company_name")).toContain("Company Name");
  });

  it("reads an operation without a request body or any response content", async () => {
    const document = loadSpec();
    document.paths["/ping"] = {
      get: { operationId: "ping", responses: { "204": { description: "Alive." } } },
    };
    const ping = (await loadApiModel({ document })).operation("ping");
    expect(ping.request).toBeUndefined();
    expect(ping.fields).toEqual([]);
    expect(ping.success).toMatchObject({ status: "204", contents: [], body: undefined });
  });

  it("refuses a document whose $ref points nowhere, naming the problem", async () => {
    const document = loadSpec();
    document.components.schemas.UserIdLogin = { $ref: "#/components/schemas/Nope" };
    await expect(loadApiModel({ document })).rejects.toThrow(/cannot be resolved/);
  });

  it("refuses two operations with one operationId", async () => {
    const document = loadSpec();
    document.paths["/again"] = {
      post: { ...document.paths["/access/klearstack/get_access_token"]!.post! },
    };
    await expect(loadApiModel({ document })).rejects.toThrow(
      /operationId getAccessToken is used twice/,
    );
  });
});
