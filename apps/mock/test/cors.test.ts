// CORS the way `prism mock` does it, so a page on another origin can call every operation, also
// when it sends credentials: first the exact headers, then a real Chromium page doing
// `fetch(..., { credentials: "include" })` against the mock.
import { type Browser, openBrowser } from "@klearstack/test-support/chromium";
import { type LocalServer, startLocalServer } from "@klearstack/test-support/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { credentialRules } from "../src/credentials.ts";
import {
  call,
  form,
  login,
  loginOperation,
  rows,
  send,
  successStatus,
  useMock,
  validRequest,
} from "./support.ts";

const origin = "http://127.0.0.1:8080";

describe("CORS headers", () => {
  const ctx = useMock();

  it.each(rows())(
    "%s: a preflight asking for Authorization gets 204 allowing it, the method and credentials",
    async (_id, op) => {
      const res = await fetch(`${ctx.url}${op.path}`, {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": op.method.toUpperCase(),
          "access-control-request-headers": "authorization, content-type, prefer",
        },
      });
      expect(res.status).toBe(204);
      expect(res.headers.get("access-control-allow-origin")).toBe(origin);
      expect(res.headers.get("access-control-allow-credentials")).toBe("true");
      expect(res.headers.get("vary")).toBe("Origin");
      expect(res.headers.get("access-control-allow-methods")).toContain(op.method.toUpperCase());
      expect(res.headers.get("access-control-allow-headers")).toBe(
        "authorization, content-type, prefer",
      );
    },
  );

  it.each(rows())(
    "%s: every answer (success, error, unauthenticated) echoes the Origin with credentials",
    async (_id, op) => {
      const tokens = await login(ctx.url);
      const { fields, headers } = validRequest(op, tokens);
      for (const request of [
        { body: form(fields), headers: { ...headers, origin } },
        { body: form({}), headers: { ...headers, origin } },
        { body: form(fields), headers: { origin } },
      ]) {
        const res = await call(ctx.url, op, request);
        expect(res.headers.get("access-control-allow-origin")).toBe(origin);
        expect(res.headers.get("access-control-allow-credentials")).toBe("true");
        expect(res.headers.get("vary")).toBe("Origin");
      }
    },
  );

  it("answers a request without an Origin (not a CORS request) with the wildcard", async () => {
    const issuer = loginOperation();
    const reply = await send(`${ctx.url}${issuer.path}`, { body: form(issuer.exampleFields) });
    expect(reply.headers.get("access-control-allow-origin")).toBe("*");
  });
});

/** What the page needs to call one operation, read from the model in Node. */
interface PagePlan {
  operationId: string;
  method: string;
  path: string;
  fields: Record<string, string>;
  tokenFields: { name: string; tokenType: string | undefined }[];
  bearerType: string | null;
}

describe("a credentialed cross-origin page in Chromium", () => {
  const ctx = useMock();
  let browser: Browser;
  let page: LocalServer;
  let pageUrl = "";
  beforeAll(async () => {
    browser = await openBrowser();
    // The page's own origin: another port than the mock's.
    page = await startLocalServer((_req, res) =>
      res.end("<!doctype html><title>another origin</title>"),
    );
    pageUrl = `${page.url}/`;
  });
  afterAll(async () => {
    await browser?.close();
    await page?.close();
  });

  it("logs in and calls every operation with fetch(..., { credentials: 'include' })", async () => {
    const tab = await browser.context.newPage();
    await tab.goto(pageUrl);
    const issuer = loginOperation();
    const plans: PagePlan[] = rows().map(([, op]) => {
      const rules = credentialRules(op);
      return {
        operationId: op.operationId,
        method: op.method.toUpperCase(),
        path: op.path,
        fields: op.exampleFields,
        tokenFields: rules.tokenFields,
        bearerType: rules.bearer ? String(rules.bearer.tokenType) : null,
      };
    });
    const statuses = await tab.evaluate(
      async ({ base, login, loginTokens, plans }) => {
        const send = (plan: PagePlan, fields: Record<string, string>, auth?: string) =>
          fetch(`${base}${plan.path}`, {
            method: plan.method,
            credentials: "include",
            headers: auth ? { authorization: `Bearer ${auth}` } : {},
            body: new URLSearchParams(fields),
          });
        const body = await (await send(login, login.fields)).json();
        const tokens = new Map(loginTokens.map((t) => [String(t.tokenType), body[t.name]]));
        const result: Record<string, number | string> = {};
        for (const plan of plans) {
          const fields = { ...plan.fields };
          for (const t of plan.tokenFields) fields[t.name] = tokens.get(String(t.tokenType));
          const auth = plan.bearerType === null ? undefined : tokens.get(plan.bearerType);
          try {
            result[plan.operationId] = (await send(plan, fields, auth)).status;
          } catch (error) {
            result[plan.operationId] = String(error);
          }
        }
        return result;
      },
      {
        base: ctx.url,
        login: plans.find((p) => p.operationId === issuer.operationId) as PagePlan,
        loginTokens: (issuer.success?.body?.tokens ?? []).map((t) => ({
          name: t.name,
          tokenType: t.tokenType,
        })),
        plans,
      },
    );
    expect(statuses).toEqual(Object.fromEntries(rows().map(([id, op]) => [id, successStatus(op)])));
  });
});
