// One operation's console: a form with an input per request field (the documented example in it,
// secrets masked), the encoding, the bearer credential from the last login, Send (Enter in any
// input sends) and Copy as curl; then the answer.
import type { ConsoleOperation } from "../types.ts";
import { send } from "./answer.ts";
import { curlOf } from "./curl.ts";
import { h } from "./dom.ts";
import { failureSentence } from "./failure.ts";
import {
  bearerRow,
  controlEntries,
  encodingChoice,
  type FieldControl,
  fieldRow,
} from "./inputs.ts";
import { InputError, type PreparedRequest, prepareRequest } from "./request.ts";
import { jsonBody, renderAnswer, renderProblem } from "./result.ts";
import type { TokenStore } from "./tokens.ts";

export interface OperationContext {
  /** The base URL chosen in the panel (a server of the spec, or a custom one). */
  baseUrl(): string;
  tokens: TokenStore;
}

export interface OperationConsole {
  element: HTMLElement;
  form: HTMLFormElement;
  /** The first input a keyboard user types in. */
  first(): HTMLElement;
}

export function operationConsole(
  op: ConsoleOperation,
  index: number,
  context: OperationContext,
): OperationConsole {
  const id = (part: string) => `ks-${index}-${part}`;
  const inputs = new Map<string, FieldControl>();

  const encodings = encodingChoice(op, id("encoding"));
  const bearer = op.bearer
    ? bearerRow(op.bearer.header, id("bearer"), context.tokens.latest(op.bearer.tokenType)?.token)
    : undefined;
  const bearerInput = bearer?.input;
  const bearerHint = bearer?.hint;
  const fieldRows = op.fields.map((field) => {
    // A token field starts with the last login's token of its type.
    const start = context.tokens.latest(field.tokenType)?.token ?? field.example;
    const { row, input } = fieldRow(field, id(`f-${field.name}`), start);
    inputs.set(field.name, input);
    return row;
  });

  const sendButton = h("button", { type: "submit", class: "ks-send" }, "Send");
  const curlButton = h("button", { type: "button", disabled: true }, "Copy as curl");
  const secretsToggle = h(
    "button",
    { type: "button", "aria-pressed": "false", disabled: true },
    "Show secrets in the answer",
  );
  const curlOut = h("pre", {
    class: "ks-curl",
    hidden: true,
    tabindex: "0",
    "aria-label": "The request as a curl command",
  });
  const curlNote = h("p", { class: "ks-hint", "aria-live": "polite" });
  const result = h("div", {
    class: "ks-result",
    "aria-live": "polite",
    "aria-label": "Answer",
    role: "region",
  });

  const form = h(
    "form",
    { novalidate: true, "aria-label": `${op.method} ${op.path}` },
    bearer?.row,
    ...fieldRows,
    op.mediaTypes.length > 1 && encodings,
    h("div", { class: "ks-actions" }, sendButton, curlButton, secretsToggle),
  );
  const element = h(
    "section",
    {
      class: "ks-operation",
      "data-operation-id": op.operationId,
      "data-route": op.route,
      "aria-labelledby": id("title"),
    },
    h(
      "h3",
      { id: id("title") },
      h("span", { class: "ks-method" }, op.method),
      " ",
      h("code", {}, op.path),
    ),
    h("p", { class: "ks-summary" }, op.summary),
    form,
    result,
    curlNote,
    curlOut,
  );

  const describeLogin = () => {
    if (!bearerHint || !op.bearer) return;
    const login = context.tokens.latest(op.bearer.tokenType);
    bearerHint.textContent = login
      ? `Filled with the ${op.bearer.tokenType} token of the last ${login.operationId} answer in this page; you can edit it.`
      : "No token yet: send a call that answers tokens (a login) first, or paste one.";
  };
  describeLogin();
  context.tokens.onLogin((tokenType, login) => {
    if (bearerInput && op.bearer?.tokenType === tokenType) bearerInput.value = login.token;
    for (const field of op.fields) {
      const input = inputs.get(field.name);
      if (input && field.tokenType === tokenType) input.value = login.token;
    }
    describeLogin();
  });

  let sent: PreparedRequest | undefined;
  let lastAnswer: Parameters<typeof renderAnswer>[2] | undefined;
  let showSecrets = false;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    // Not `disabled`: a disabled button drops the keyboard focus of whoever pressed it.
    if (sendButton.getAttribute("aria-disabled") === "true") return;
    const encoding =
      form.querySelector<HTMLInputElement>(`input[name="${id("encoding")}"]:checked`)?.value ??
      op.mediaTypes[0] ??
      "";
    let request: PreparedRequest;
    try {
      request = prepareRequest(op, {
        baseUrl: context.baseUrl(),
        encoding,
        bearerToken: bearerInput?.value ?? "",
        values: op.fields.flatMap((f) => {
          const control = inputs.get(f.name);
          return (control ? controlEntries(f, control) : []).map((v): [string, string | File] => [
            f.name,
            v,
          ]);
        }),
      });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      renderProblem(result, error.message);
      return;
    }
    sent = request;
    curlButton.disabled = false;
    curlOut.hidden = true;
    curlNote.textContent = "";
    sendButton.setAttribute("aria-disabled", "true");
    sendButton.textContent = "Sending…";
    result.setAttribute("aria-busy", "true");
    try {
      const answer = await send(request);
      lastAnswer = answer;
      context.tokens.remember(op, answer.status, jsonBody(answer));
      secretsToggle.disabled = false;
      renderAnswer(result, op, answer, showSecrets);
    } catch (error) {
      lastAnswer = undefined;
      secretsToggle.disabled = true;
      renderProblem(
        result,
        failureSentence(error, { baseUrl: request.url, pageProtocol: location.protocol }),
      );
    } finally {
      sendButton.removeAttribute("aria-disabled");
      sendButton.textContent = "Send";
      result.removeAttribute("aria-busy");
    }
  });

  curlButton.addEventListener("click", async () => {
    if (!sent) return;
    const command = curlOf(op, sent);
    curlOut.textContent = command;
    curlOut.hidden = false;
    try {
      await navigator.clipboard.writeText(command);
      curlNote.textContent = "Copied to the clipboard: the request as sent, secrets as variables.";
    } catch {
      curlNote.textContent =
        "The browser keeps the clipboard closed to this page: select the command below and copy it.";
    }
  });

  secretsToggle.addEventListener("click", () => {
    showSecrets = !showSecrets;
    secretsToggle.setAttribute("aria-pressed", String(showSecrets));
    secretsToggle.textContent = showSecrets
      ? "Hide secrets in the answer"
      : "Show secrets in the answer";
    if (lastAnswer) renderAnswer(result, op, lastAnswer, showSecrets);
  });

  return {
    element,
    form,
    first: () => form.querySelector<HTMLElement>("input") ?? sendButton,
  };
}
