// Fills the page template the way `redocly build-docs` does, minus its server-side pre-render:
// Redoc renders the document in the browser, with `sanitize: true` (redocly.yaml). build-docs
// cannot pre-render a sanitized page (Redoc's sanitizer needs a DOM, and the CLI's bundle has
// none: "linkedom is not available in browser bundles"), and pre-rendered markup is spec text that
// runs before any sanitizer. Both pages come from here: the built page with Redoc's bundle inlined
// (build.ts), the dev page loading it from its server (dev-page.ts).
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type OpenApiDocument, serverUrlAtDefaults } from "@klearstack/spec";
import Handlebars from "handlebars";
import { parse } from "yaml";
import { redoclyConfigPath } from "./build.ts";
import { withoutRemoteLogo } from "./offline-logo.ts";

/** Where the dev page loads Redoc from (the built page inlines the same file). */
export const redocBundleRoute = "/redoc.standalone.js";

/** Redoc's browser bundle as @redocly/cli ships it: the file `build-docs --inlineBundle` inlines. */
const redocBundlePath = join(
  dirname(createRequire(import.meta.url).resolve("@redocly/cli/package.json")),
  "lib/chunks/redoc.standalone.js",
);
const template = Handlebars.compile(
  readFileSync(fileURLToPath(new URL("./template.hbs", import.meta.url)), "utf8"),
);

/** Redoc's bundle with its CDN logos inlined, so the page asks no other host for anything. */
export function readRedocBundle(): string {
  if (!existsSync(redocBundlePath)) {
    throw new Error(
      `No Redoc bundle at ${redocBundlePath}: @redocly/cli moved it; point apps/docs/src/render-page.ts at its new place`,
    );
  }
  return withoutRemoteLogo(readFileSync(redocBundlePath, "utf8"));
}

/** What the page passes Redoc: redocly.yaml's `openapi` options, the document already bundled. */
export function redocOptions(): Record<string, unknown> {
  const config = parse(readFileSync(redoclyConfigPath, "utf8")) as { openapi?: object };
  return { ...config.openapi, skipBundle: true, disableTelemetry: true };
}

/**
 * The page for `document`: the template, and build-docs' own start-up script (so documentInPage()
 * reads either page). `redoc: "inline"` puts Redoc's bundle in the page (self-contained, works as a
 * file); `"route"` imports it from the serving origin at `redocBundleRoute`.
 */
export function renderPage(document: OpenApiDocument, redoc: "inline" | "route"): string {
  const info = document.info as { title?: string; summary?: string };
  const load =
    redoc === "inline"
      ? readRedocBundle().replace(/<\/(script)/gi, "<\\/$1") // as build-docs inlines it
      : `import { hydrate } from "${redocBundleRoute}";`;
  // hydrate() into an empty container renders from scratch.
  const redocHTML = `
      <div id="redoc"></div>
      <script type="module">
      ${load}

      const __redoc_definition = ${scriptJson(withServersAtDefaults(document))};
      const __redoc_options = ${scriptJson(redocOptions())};

      hydrate(__redoc_definition, __redoc_options, document.getElementById('redoc'));
      </script>`;
  return template({
    title: info.title,
    templateOptions: { description: info.summary ?? "" },
    redocHead: "",
    redocHTML,
  });
}

/** JSON that cannot end the <script> it sits in, escaped as build-docs escapes it. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`)
    .replace(/</g, "\\u003c");
}

type Node = Record<string, unknown>;

/**
 * The document with every server URL at its variables' defaults. Redoc, rendering in the browser,
 * resolves a URL that is a variable ("{URL}") against the page, so over http:// it would show
 * http://127.0.0.1:8080/{URL}, a URL on the docs server. The page shows the default instead.
 */
export function withServersAtDefaults(document: OpenApiDocument): OpenApiDocument {
  const expand = (servers: unknown) =>
    Array.isArray(servers)
      ? servers.map(({ variables: _, ...server }: Node) => ({
          ...server,
          url: serverUrlAtDefaults({ ...server, variables: _ } as Node),
        }))
      : servers;
  const paths = Object.fromEntries(
    Object.entries((document.paths ?? {}) as Record<string, Node>).map(([path, item]) => [
      path,
      Object.fromEntries(
        Object.entries(item).map(([key, value]) =>
          key === "servers"
            ? [key, expand(value)]
            : value && typeof value === "object" && "servers" in (value as Node)
              ? [key, { ...(value as Node), servers: expand((value as Node).servers) }]
              : [key, value],
        ),
      ),
    ]),
  );
  return { ...document, servers: expand(document.servers), paths } as OpenApiDocument;
}
