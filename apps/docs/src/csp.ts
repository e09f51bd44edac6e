// The page's Content-Security-Policy: no script runs but the page's own, no frame, no plugin, no
// form submission, no <base>. Every string of the spec is untrusted input to the page; Redoc
// sanitizes what it renders (`sanitize: true` in redocly.yaml), and this policy is what still
// holds if a spec string gets past it. The policy travels in the page as a <meta http-equiv> (so it
// holds opened as a file), and the servers send it as a header too (serve.ts, dev-server.ts).
//
// Scripts are allowed by the SHA-256 of their text, computed from the finished page. Only scripts
// the page itself carries are hashed: Redoc's start-up script (exactly one), the console's, and
// those the caller names; any other executable script (spec text that reached the markup) stops
// the build instead of being allowed.
import { createHash } from "node:crypto";
import { CONSOLE_END, CONSOLE_START } from "./console/inject.ts";

export interface PolicyOptions {
  /** Texts of inline scripts the caller put in the page (live reload); the console's are known. */
  ownScripts?: readonly string[];
  /** The page loads a script from its own origin (the dev page's Redoc bundle). */
  selfScripts?: boolean;
}

/** Redoc's start-up script (render-page.ts) defines the document with this. */
const definitionMarker = "const __redoc_definition = ";

/** The inline scripts of `html`, in order: their attributes, their text, where the text starts. */
export function inlineScripts(html: string): { attributes: string; text: string; at: number }[] {
  const scripts = [];
  const open = /<script\b([^>]*)>/gi;
  const close = /<\/script/gi;
  for (let match = open.exec(html); match; match = open.exec(html)) {
    const start = match.index + match[0].length;
    close.lastIndex = start;
    const end = close.exec(html)?.index;
    if (end === undefined) throw new Error("the page has a <script> that is never closed");
    scripts.push({ attributes: match[1] ?? "", text: html.slice(start, end), at: start });
    open.lastIndex = end;
  }
  return scripts;
}

const executable = (attributes: string) => {
  const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
  return type === undefined || type === "module" || type.includes("javascript");
};

/** `'sha256-…'` of each script the page owns; throws on a script it does not own. */
export function scriptHashes(html: string, options: PolicyOptions = {}): string[] {
  const own = new Set(options.ownScripts ?? []);
  const consoleAt = html.indexOf(CONSOLE_START);
  const consoleEnd = html.indexOf(CONSOLE_END, consoleAt);
  const inConsole = (at: number) => consoleAt >= 0 && at > consoleAt && at < consoleEnd;
  const hashes: string[] = [];
  let definitions = 0;
  for (const script of inlineScripts(html).filter((s) => executable(s.attributes))) {
    if (/\bsrc\s*=/i.test(script.attributes)) {
      throw new Error("the page loads a script by src=: only its own inline scripts may run");
    }
    const isDefinition = script.text.includes(definitionMarker);
    if (isDefinition) definitions++;
    if (!isDefinition && !inConsole(script.at) && !own.has(script.text)) {
      throw new Error(
        `the page carries a script it does not own (spec text in the markup?): ${JSON.stringify(script.text.slice(0, 80))}`,
      );
    }
    hashes.push(`'sha256-${createHash("sha256").update(script.text).digest("base64")}'`);
  }
  if (definitions !== 1) {
    throw new Error(`expected exactly one script defining Redoc's document, found ${definitions}`);
  }
  return [...new Set(hashes)];
}

/**
 * The policy for `html`. connect-src stays open to any http(s) host: the try-it console sends to
 * whatever server the reader picks. Styles may be inline (Redoc's styled-components writes them
 * at run time); scripts may not.
 */
export function contentSecurityPolicy(html: string, options: PolicyOptions = {}): string {
  const scripts = [...(options.selfScripts ? ["'self'"] : []), ...scriptHashes(html, options)];
  return [
    "default-src 'none'",
    `script-src ${scripts.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src *",
    // Redoc's search index runs in a worker it makes from a blob: of its own code.
    "worker-src blob:",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/**
 * A server sends the page's policy as a header too, with what a <meta> cannot say: the page may
 * not be framed by another site (its console holds passwords).
 */
export const headerPolicy = (policy: string) => `${policy}; frame-ancestors 'none'`;

/** `html` with its policy as the first element of <head>, before any script. */
export function withContentSecurityPolicy(html: string, options: PolicyOptions = {}): string {
  const head = /<head\b[^>]*>/i.exec(html);
  if (!head) throw new Error("the page has no <head> to put its Content-Security-Policy in");
  const policy = contentSecurityPolicy(html, options);
  const meta = `\n  <meta http-equiv="Content-Security-Policy" content="${policy}">`;
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}${meta}${html.slice(at)}`;
}

/** The policy a page carries in its <meta>, for a server to send as a header. */
export function policyInPage(html: string): string | undefined {
  return /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
}
