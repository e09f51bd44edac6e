// The answer panel of one operation: status with what the spec says it means, time taken,
// headers, body (tokens masked until asked for) and every documented JWT decoded with its time
// left; or one plain sentence when nothing came back.
import { maskSecrets, SecretMasker } from "@klearstack/spec/secrets";
import { responseForStatus } from "@klearstack/spec/status";
import type { ConsoleOperation } from "../types.ts";
import type { Answer } from "./answer.ts";
import { decodeTokens, timeLeft } from "./claims.ts";
import { h } from "./dom.ts";
import { tokensIn } from "./tokens.ts";

/** The body parsed when it says it is JSON; undefined otherwise. */
export function jsonBody(answer: Answer): unknown {
  if (!/[/+]json\b/i.test(answer.contentType)) return undefined;
  try {
    return JSON.parse(answer.body);
  } catch {
    return undefined;
  }
}

export function renderAnswer(
  into: HTMLElement,
  op: ConsoleOperation,
  answer: Answer,
  showSecrets: boolean,
): void {
  const documented = responseForStatus(op.responses, answer.status);
  const body = jsonBody(answer);
  const shownBody = body === undefined ? answer.body : JSON.stringify(body, null, 2);
  const masker = new SecretMasker().learn(body);
  const tokens = decodeTokens(tokensIn(op, answer.status, body));
  into.replaceChildren(
    h(
      "p",
      { class: "ks-status", "data-status": String(answer.status) },
      h("strong", {}, String(answer.status)),
      ` ${answer.statusText} · ${Math.round(answer.ms)} ms`,
    ),
    h(
      "p",
      { class: "ks-documented" },
      documented
        ? `Documented (${documented.status}): ${documented.description}`
        : "Not an answer the spec documents for this call.",
    ),
    h("h4", {}, "Headers"),
    h(
      "dl",
      { class: "ks-headers" },
      ...answer.headers.flatMap(([name, value]) => [h("dt", {}, name), h("dd", {}, value)]),
    ),
    h(
      "p",
      { class: "ks-hint" },
      "The browser shows only the headers the server lets pages read (CORS).",
    ),
    h("h4", {}, "Body"),
    h(
      "pre",
      { class: "ks-body", tabindex: "0", "aria-label": "Response body" },
      shownBody === "" ? "(no body)" : showSecrets ? shownBody : masker.mask(shownBody),
    ),
    ...tokens.flatMap((token) =>
      "problem" in token
        ? [
            h("h4", {}, `${token.name}, decoded`),
            h("p", { class: "ks-problem" }, `It does not decode: ${token.problem}`),
          ]
        : [
            h("h4", {}, `${token.name}, decoded (not verified)`),
            h("p", { class: "ks-expiry" }, timeLeft(token.secondsLeft)),
            h(
              "pre",
              { class: "ks-claims", "data-token": token.name, tabindex: "0" },
              maskSecrets(JSON.stringify(token.claims, null, 2)),
            ),
          ],
    ),
  );
}

export function renderProblem(into: HTMLElement, sentence: string): void {
  into.replaceChildren(h("p", { class: "ks-problem", role: "alert" }, sentence));
}
