// The token chain the model derives: who issues which token type, who takes it back, and a run
// order. Over the product spec, then over edits that take each of the bearer's clues away.
import { describe, expect, it } from "vitest";
import { loadApiModel, loadSpec } from "../index.ts";

const ids = (ops: readonly { operationId: string }[]) => ops.map((op) => op.operationId);

describe("the token chain of the product spec", async () => {
  const model = await loadApiModel();
  const { chain } = model;

  it("lists what each operation issues, and the logins that need nothing", () => {
    expect(chain.tokenTypes).toEqual(["refresh", "access"]);
    expect(chain.issued(model.operation("getAccessToken"))).toEqual([
      { field: "refresh_token", tokenType: "refresh" },
      { field: "access_token", tokenType: "access" },
    ]);
    expect(ids(chain.logins)).toEqual(["getAccessTokenFromUserId", "getAccessToken"]);
  });

  it("knows what the refresh call takes back: the access token as bearer, the refresh token as a field", () => {
    const refresh = model.operation("getAccessTokenFromRefreshToken");
    expect(refresh.bearer && chain.bearerTokenType(refresh.bearer)).toBe("access");
    expect(refresh.bearerTokenType).toBe("access");
    expect(refresh.fields.map((f) => chain.fieldTokenType(f))).toEqual(["refresh", undefined]);
    expect(chain.needs(refresh)).toEqual(["access", "refresh"]);
  });

  it("runs every operation after those issuing what it needs", () => {
    expect(ids(chain.order)).toEqual(ids(model.operations));
    expect(chain.unmet).toEqual([]);
  });
});

describe("the chain follows the document", () => {
  const refreshPath = "/access/klearstack/getaccesstokenfromrefreshtoken";

  it("reads the bearer's token type from its example, then from the one type no field takes back", async () => {
    const document = loadSpec();
    const schemes = document.components.securitySchemes as Record<string, Record<string, unknown>>;
    delete schemes.bearerAccessToken!["x-token-type"];
    let model = await loadApiModel({ document });
    let bearer = model.operation("getAccessTokenFromRefreshToken").bearer!;
    expect(model.chain.bearerTokenType(bearer)).toBe("access"); // from x-example
    delete schemes.bearerAccessToken!["x-example"];
    model = await loadApiModel({ document });
    bearer = model.operation("getAccessTokenFromRefreshToken").bearer!;
    expect(model.chain.bearerTokenType(bearer)).toBe("access"); // refresh goes back in a field
  });

  it("puts an operation after the one issuing its token, and reports what nobody issues", async () => {
    const document = loadSpec();
    // The refresh call first in the document: the order still runs a login before it.
    const paths = Object.entries(document.paths);
    document.paths = Object.fromEntries([
      ...paths.filter(([p]) => p === refreshPath),
      ...paths.filter(([p]) => p !== refreshPath),
    ]);
    let model = await loadApiModel({ document });
    // Spec order, except that the refresh call waits until the operations before it have issued
    // everything it needs (the others keep their order: each already runs after its issuers).
    const refresh = model.operation("getAccessTokenFromRefreshToken");
    const others = model.operations.filter((op) => op !== refresh);
    const issued = new Set<string>();
    const ready = others.findIndex((op) => {
      for (const { tokenType } of model.chain.issued(op)) issued.add(tokenType);
      return model.chain.needs(refresh).every((type) => issued.has(type));
    });
    expect(ready, "some operation issues what the refresh call needs").toBeGreaterThanOrEqual(0);
    expect(ids(model.chain.order)).toEqual(
      ids([...others.slice(0, ready + 1), refresh, ...others.slice(ready + 1)]),
    );
    expect(model.chain.order[0]).not.toBe(refresh);
    // Without the logins, nobody issues what it needs.
    document.paths = Object.fromEntries(paths.filter(([p]) => p === refreshPath));
    model = await loadApiModel({ document });
    expect(model.chain.order).toEqual([]);
    expect(model.chain.unmet.map((u) => [u.op.operationId, u.why])).toEqual([
      [
        "getAccessTokenFromRefreshToken",
        expect.stringMatching(/needs access token\(s\) that no operation issues/),
      ],
    ]);
  });
});
