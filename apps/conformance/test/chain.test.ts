// The run's token store; the chain itself (who issues and takes which token) is the model's, tested
// in spec/test/token-chain.test.ts.
import { describe, expect, it } from "vitest";
import { TokenStore } from "../src/chain.ts";

describe("TokenStore", () => {
  it("keeps the latest token of each type", () => {
    const store = new TokenStore();
    store.put("a", "1");
    store.put("a", "2");
    expect(store.get("a")).toBe("2");
    expect(store.get("b")).toBeUndefined();
    expect(store.get(undefined)).toBeUndefined();
  });
});
