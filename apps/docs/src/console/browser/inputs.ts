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

/** A field's control: an input, a select (an enum), or a textarea (an array, one value a line). */
export type FieldControl = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * What a field's control holds, as form entries: none when empty, one per line or selected
 * option of an array, "true"/"false" for a checkbox, the chosen File.
 */
export function controlEntries(field: ConsoleField, control: FieldControl): (string | File)[] {
  if (control instanceof HTMLInputElement && control.type === "checkbox") {
    return [control.checked ? "true" : "false"];
  }
  if (control instanceof HTMLInputElement && control.type === "file") {
    return control.files?.[0] ? [control.files[0]] : [];
  }
  if (control instanceof HTMLSelectElement && control.multiple) {
    return [...control.selectedOptions].map((option) => option.value);
  }
  if (field.kind === "array") return control.value.split("\n").filter((line) => line !== "");
  return control.value === "" ? [] : [control.value];
}

/** The control for a field's kind (a token or a password is a masked text input). */
function controlFor(field: ConsoleField, id: string, value: string | undefined): FieldControl {
  if (field.secret) return secretInput(id, value);
  const common = { id, autocomplete: "off" };
  if (field.choices) {
    const multiple = field.kind === "array";
    const selected = new Set(multiple ? (value ?? "").split("\n") : [value ?? ""]);
    const empty = multiple || field.required ? [] : [h("option", { value: "" }, "(not sent)")];
    return h(
      "select",
      { ...common, multiple },
      ...empty,
      ...field.choices.map((choice) =>
        h("option", { value: choice, selected: selected.has(choice) }, choice),
      ),
    );
  }
  if (field.kind === "boolean") {
    return h("input", { ...common, type: "checkbox", checked: value === "true" });
  }
  if (field.kind === "file") return h("input", { ...common, type: "file" });
  if (field.kind === "array") {
    const area = h("textarea", { ...common, rows: "3", spellcheck: "false" });
    area.value = value ?? "";
    return area;
  }
  const input =
    field.kind === "integer" || field.kind === "number"
      ? h("input", {
          ...common,
          type: "number",
          step: field.kind === "integer" ? "1" : "any",
          min: field.minimum === undefined ? undefined : String(field.minimum),
          max: field.maximum === undefined ? undefined : String(field.maximum),
        })
      : h("input", { ...common, type: "text", spellcheck: "false" });
  input.value = value ?? "";
  return input;
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
export function fieldRow(
  field: ConsoleField,
  id: string,
  value: string | undefined,
): Omit<InputRow, "input"> & { input: FieldControl } {
  const input = controlFor(field, id, value);
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
