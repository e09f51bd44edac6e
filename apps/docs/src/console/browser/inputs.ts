// The labelled inputs of one operation's form: the bearer credential, one input per request
// field, and the encoding choice. Secrets are password inputs the browser neither remembers nor
// offers to save; every input has a label, and its description as its accessible description.
import type { ConsoleField, ConsoleOperation } from "../types.ts";
import { h } from "./dom.ts";

/** A row: the label, the input, and the hint that describes it. */
export interface InputRow {
  row: HTMLElement;
  input: HTMLInputElement;
  hint: HTMLElement | undefined;
}

const mediaTypeLabels: Record<string, string> = {
  "application/x-www-form-urlencoded": "urlencoded",
  "multipart/form-data": "multipart",
};

/** Radio buttons for the request's media types, the spec's first one checked. */
export function encodingChoice(op: ConsoleOperation, name: string): HTMLFieldSetElement {
  return h(
    "fieldset",
    { class: "ks-encoding" },
    h("legend", {}, "Encoding"),
    ...op.mediaTypes.map((mediaType, i) =>
      h(
        "label",
        {},
        h("input", { type: "radio", name, value: mediaType, checked: i === 0 }),
        ` ${mediaTypeLabels[mediaType] ?? mediaType} `,
        h("code", { class: "ks-hint" }, mediaType),
      ),
    ),
  );
}

/** The bearer credential's row; its hint says where the value came from. */
export function bearerRow(header: string, id: string, value: string | undefined): InputRow {
  const input = secretInput(id, value);
  const hint = h("p", { class: "ks-hint", id: `${id}-hint` });
  input.setAttribute("aria-describedby", hint.id);
  const row = h(
    "div",
    { class: "ks-row" },
    h("label", { for: id }, `${header}: Bearer `, h("span", { class: "ks-secret" }, " secret")),
    input,
    hint,
  );
  return { row, input, hint };
}

/** A request field's row, starting with `value`. */
export function fieldRow(field: ConsoleField, id: string, value: string | undefined): InputRow {
  const input = field.secret
    ? secretInput(id, value)
    : h("input", { type: "text", id, autocomplete: "off", spellcheck: "false" });
  input.value = value ?? "";
  input.name = field.name;
  const hint = field.description
    ? h("p", { class: "ks-hint", id: `${id}-hint` }, field.description)
    : undefined;
  if (hint) input.setAttribute("aria-describedby", hint.id);
  const row = h(
    "div",
    { class: "ks-row" },
    h(
      "label",
      { for: id },
      h("code", {}, field.name),
      field.required && h("span", { class: "ks-required" }, " required"),
      field.secret && h("span", { class: "ks-secret" }, " secret"),
    ),
    input,
    hint,
  );
  return { row, input, hint };
}

function secretInput(id: string, value: string | undefined): HTMLInputElement {
  const input = h("input", { type: "password", id, autocomplete: "off", spellcheck: "false" });
  input.value = value ?? "";
  return input;
}
