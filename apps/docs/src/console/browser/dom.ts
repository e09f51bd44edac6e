// One small element builder instead of a UI framework: the console is a few forms and lists.
type Child = Node | string | false | undefined;
type Attributes = Record<string, string | boolean | undefined>;

/** `h("input", { id: "x", required: true })`; false/undefined attributes and children are left out. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) {
    if (child === false || child === undefined) continue;
    element.append(child);
  }
  return element;
}
