// The console beside Redoc, not inside it: a "Try it" button fixed to the window and a panel that
// opens on the operation the URL's fragment names. Nothing of Redoc's DOM or code is touched; the
// panel only reads `location.hash` and, when the reader picks another operation, sets it.
import type { ConsoleModel, ConsoleOperation } from "../types.ts";
import { h } from "./dom.ts";
import { type OperationConsole, operationConsole } from "./operation.ts";
import { operationAt } from "./route.ts";
import { TokenStore } from "./tokens.ts";

const CUSTOM = "custom";

export function mountConsole(model: ConsoleModel, root: HTMLElement): void {
  const tokens = new TokenStore();
  const consoles = new Map<ConsoleOperation, OperationConsole>();
  let shown: ConsoleOperation | undefined;

  const launcher = h(
    "button",
    {
      type: "button",
      class: "ks-launcher",
      "aria-expanded": "false",
      "aria-controls": "ks-panel",
    },
    "Try it",
  );
  const picker = h(
    "select",
    { id: "ks-operation" },
    ...model.operations.map((op, i) =>
      h("option", { value: String(i) }, `${op.summary} (${op.method} ${op.path})`),
    ),
  );
  const server = h(
    "select",
    { id: "ks-server" },
    ...model.servers.map((s) =>
      h("option", { value: s.url }, s.description ? `${s.url} (${s.description})` : s.url),
    ),
    h("option", { value: CUSTOM }, "Custom base URL…"),
  );
  const custom = h("input", {
    type: "url",
    id: "ks-base-url",
    placeholder: "https://klearstack.example.com",
    autocomplete: "url",
    spellcheck: "false",
  });
  const customRow = h(
    "div",
    { class: "ks-row", hidden: true },
    h("label", { for: custom.id }, "Custom base URL"),
    custom,
  );
  const closeButton = h(
    "button",
    { type: "button", class: "ks-close", "aria-label": "Close the console" },
    "×",
  );
  const operationsBox = h("div", { class: "ks-operations" });
  const panel = h(
    "aside",
    {
      id: "ks-panel",
      class: "ks-panel",
      role: "dialog",
      "aria-modal": "false",
      "aria-labelledby": "ks-panel-title",
      hidden: true,
    },
    h("header", {}, h("h2", { id: "ks-panel-title" }, "Try it"), closeButton),
    h("div", { class: "ks-row" }, h("label", { for: picker.id }, "Operation"), picker),
    h("div", { class: "ks-row" }, h("label", { for: server.id }, "Server"), server),
    customRow,
    h(
      "p",
      { class: "ks-hint" },
      "Send calls the server you choose, straight from this page. Tokens and passwords stay in this tab's memory: never stored, never in the URL.",
    ),
    operationsBox,
  );
  root.append(launcher, panel);

  const baseUrl = () => (server.value === CUSTOM ? custom.value : server.value);
  const consoleOf = (op: ConsoleOperation): OperationConsole => {
    let found = consoles.get(op);
    if (!found) {
      found = operationConsole(op, model.operations.indexOf(op), { baseUrl, tokens });
      consoles.set(op, found);
      operationsBox.append(found.element);
    }
    return found;
  };
  const show = (op: ConsoleOperation) => {
    shown = op;
    picker.value = String(model.operations.indexOf(op));
    const current = consoleOf(op);
    for (const [other, { element }] of consoles) element.hidden = other !== op;
    return current;
  };
  const labelLauncher = () => {
    const op = operationAt(model.operations, location.hash);
    launcher.textContent = op ? `Try it: ${op.summary}` : "Try it";
  };
  const open = () => {
    const op = operationAt(model.operations, location.hash) ?? shown ?? model.operations[0];
    if (!op) return;
    panel.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    show(op).first().focus();
  };
  const close = () => {
    panel.hidden = true;
    launcher.setAttribute("aria-expanded", "false");
    launcher.focus();
  };
  const followRoute = () => {
    labelLauncher();
    const op = operationAt(model.operations, location.hash);
    if (!panel.hidden && op && op !== shown) show(op);
  };

  launcher.addEventListener("click", () => (panel.hidden ? open() : close()));
  closeButton.addEventListener("click", close);
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") close();
  });
  picker.addEventListener("change", () => {
    const op = model.operations[Number(picker.value)];
    if (!op) return;
    show(op);
    // Redoc follows the fragment: the docs scroll to the operation being tried.
    location.hash = `#${op.route}`;
  });
  server.addEventListener("change", () => {
    customRow.hidden = server.value !== CUSTOM;
    if (!customRow.hidden) custom.focus();
  });
  // Enter in the base URL sends the operation shown, as Enter in its own inputs does.
  custom.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && shown) {
      event.preventDefault();
      consoleOf(shown).form.requestSubmit();
    }
  });

  // Redoc moves between operations with history.pushState, which fires no event a page can
  // hear except through the Navigation API; elsewhere a cheap poll of the fragment keeps up.
  window.addEventListener("hashchange", followRoute);
  window.addEventListener("popstate", followRoute);
  const navigation = (window as { navigation?: EventTarget }).navigation;
  if (navigation) navigation.addEventListener("currententrychange", followRoute);
  else {
    let last = location.hash;
    setInterval(() => {
      if (location.hash !== last) {
        last = location.hash;
        followRoute();
      }
    }, 500);
  }
  labelLauncher();
}
