// Build time: puts the console into the built page, after Redoc's own markup and script, between
// two markers (the bench measures what lies between them). The model travels as inert JSON.
import type { ConsoleAssets } from "./bundle.ts";
import type { ConsoleModel } from "./types.ts";

export const CONSOLE_START = "<!-- klearstack try-it console -->";
export const CONSOLE_END = "<!-- /klearstack try-it console -->";

export function withConsole(html: string, model: ConsoleModel, assets: ConsoleAssets): string {
  const at = html.lastIndexOf("</body>");
  if (at < 0) throw new Error("the built page has no </body>: cannot add the try-it console");
  if (html.includes(CONSOLE_START)) throw new Error("the page already carries the console");
  for (const [what, text, end] of [
    ["style", assets.style, "</style"],
    ["script", assets.script, "</script"],
  ] as const) {
    if (text.toLowerCase().includes(end)) throw new Error(`the console's ${what} contains ${end}`);
  }
  const block = [
    CONSOLE_START,
    `<style>${assets.style}</style>`,
    '<div id="ks-console"></div>',
    `<script type="application/json" id="ks-console-model">${jsonInHtml(model)}</script>`,
    `<script>${assets.script}</script>`,
    CONSOLE_END,
  ].join("\n");
  return `${html.slice(0, at)}${block}\n${html.slice(at)}`;
}

/** JSON that cannot end its <script> element or open a comment: `<` is written as \u003c. */
function jsonInHtml(value: unknown): string {
  return JSON.stringify(value).replaceAll("<", "\\u003c");
}

/** The page without the console (the bench compares both sizes). */
export function withoutConsole(html: string): string {
  const start = html.indexOf(CONSOLE_START);
  const end = html.indexOf(CONSOLE_END);
  if (start < 0 || end < start) throw new Error("the page carries no try-it console");
  return html.slice(0, start) + html.slice(end + CONSOLE_END.length + 1);
}
