// Unsafe runs are refused before anything is sent, and the refusal never repeats a credential.
import { describe, expect, it } from "vitest";
import { checkRun } from "../src/guards.ts";

const refusal = (url: string | undefined, env: NodeJS.ProcessEnv = {}) => {
  const run = checkRun(url, env);
  return run.ok ? undefined : run.refusal;
};

describe("checkRun", () => {
  it("accepts https anywhere and plain http on loopback", () => {
    for (const url of [
      "https://api.example.com/base",
      "http://127.0.0.1:4010",
      "http://localhost:1",
      "http://[::1]:1",
    ])
      expect(refusal(url), url).toBeUndefined();
  });

  it("refuses a run with TLS verification switched off, whatever the URL", () => {
    expect(refusal("https://api.example.com", { NODE_TLS_REJECT_UNAUTHORIZED: "0" })).toContain(
      "NODE_TLS_REJECT_UNAUTHORIZED=0 would disable TLS verification",
    );
  });

  it("refuses a missing or malformed base URL without quoting it", () => {
    expect(refusal(undefined)).toBe("--base-url is required");
    expect(refusal("not a url hunter2")).toBe("--base-url is not a URL");
  });

  it("refuses credentials in the URL without repeating them", () => {
    const text = refusal("https://me:hunter2@api.example.com");
    expect(text).toContain("must not carry user:password@");
    expect(text).not.toContain("hunter2");
  });

  it("refuses plain http beyond loopback, and other protocols", () => {
    expect(refusal("http://api.example.com")).toContain("plain http is only allowed for loopback");
    expect(refusal("ftp://127.0.0.1")).toBe("unsupported protocol ftp:");
  });
});
