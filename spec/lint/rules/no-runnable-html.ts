// Rule `klearstack/no-runnable-html`: no spec string may carry HTML that can run in a page (the docs
// render descriptions as HTML, and every string reaches the page or a generated sample). It walks
// EVERY string of the document, $refs followed into other files (titles, summaries, descriptions,
// examples, enum values, server URLs and variables, x-* extensions, keys too), decodes what a
// browser would decode (HTML entities, named or numeric, with or without `;`; percent-encoding;
// JavaScript \u and \x escapes; repeatedly, so double encoding does not hide anything) and refuses:
// script-carrying elements (script, iframe, frame, object, embed, applet, base, meta, srcdoc),
// event-handler attributes (`on…=`), and javascript:, vbscript: or data:text/html URLs.

/** What `text` carries that can run, or undefined when it carries nothing. */
export function runnableHtml(text: string): string | undefined {
  const decoded = decodeAll(text);
  // Browsers ignore ASCII whitespace and control characters inside a URL scheme ("java\tscript:").
  const squeezed = [...decoded]
    .filter((c) => c > " " && c !== "\u007f")
    .join("")
    .toLowerCase();
  const element = /<\s*\/?\s*(script|iframe|frame|frameset|object|embed|applet|base|meta)\b/i.exec(
    decoded,
  );
  if (element) return `a <${element[1]?.toLowerCase()}> element`;
  const handler = /<[a-z!?/][^>]*?[\s/"'`]on[a-z]+\s*=/i.exec(decoded);
  if (handler) return "an event-handler attribute (on…=)";
  if (/\bsrcdoc\s*=/i.test(decoded)) return "a srcdoc attribute";
  const scheme = /(javascript|vbscript):|data:(text\/html|application\/xhtml|image\/svg)/.exec(
    squeezed,
  );
  if (scheme) return `a ${scheme[1] ?? `data:${scheme[2]}`} URL`;
  return undefined;
}

const named: Record<string, string> = {
  lt: "<",
  gt: ">",
  amp: "&",
  quot: '"',
  apos: "'",
  colon: ":",
  sol: "/",
  bsol: "\\",
  equals: "=",
  lpar: "(",
  rpar: ")",
  tab: "\t",
  newline: "\n",
  nbsp: " ",
  grave: "`",
  num: "#",
  percnt: "%",
  semi: ";",
  comma: ",",
  period: ".",
  excl: "!",
};

const fromCode = (code: number) =>
  Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";

function decodeOnce(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => fromCode(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => fromCode(Number.parseInt(dec, 10)))
    .replace(/&([a-z]+);?/gi, (all, name: string) => named[name.toLowerCase()] ?? all)
    .replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    .replace(/\\u\{([0-9a-f]+)\}|\\u([0-9a-f]{4})|\\x([0-9a-f]{2})/gi, (_, braced, u, x) =>
      fromCode(Number.parseInt(braced ?? u ?? x, 16)),
    );
}

/** Decodes until nothing changes (bounded: each round can only shorten the text). */
function decodeAll(text: string): string {
  let current = text;
  for (let round = 0; round < 8; round++) {
    const next = decodeOnce(current);
    if (next === current) return current;
    current = next;
  }
  return current;
}

interface Location {
  child(path: string | number | (string | number)[]): Location;
  pointer: string;
  source: { absoluteRef: string };
}

interface Context {
  location: Location;
  report(problem: { message: string; location: Location }): void;
  resolve(node: unknown): { node: unknown; location?: Location };
}

const isRef = (node: unknown): node is { $ref: string } =>
  typeof node === "object" &&
  node !== null &&
  typeof (node as { $ref?: unknown }).$ref === "string";

export default function NoRunnableHtml() {
  return {
    Root: {
      enter(root: unknown, ctx: Context) {
        const seen = new Set<string>();
        const check = (text: string, location: Location, what: string) => {
          const found = runnableHtml(text);
          const key = `${location.source.absoluteRef}#${location.pointer}`;
          if (!found || seen.has(key)) return;
          seen.add(key);
          ctx.report({
            message: `${what} carries ${found}, which could run in the docs page; spec text is shown, never run: describe it in words.`,
            location,
          });
        };
        const visited = new Set<unknown>();
        const walk = (node: unknown, location: Location) => {
          if (typeof node === "string") return check(node, location, "This string");
          if (typeof node !== "object" || node === null) return;
          if (isRef(node)) {
            const target = ctx.resolve(node);
            if (target.location && !visited.has(target.node)) {
              visited.add(target.node);
              walk(target.node, target.location);
            }
            return;
          }
          for (const [key, value] of Object.entries(node)) {
            const at = location.child(Array.isArray(node) ? Number(key) : key);
            check(key, at, "This key");
            walk(value, at);
          }
        };
        walk(root, ctx.location);
      },
    },
  };
}
