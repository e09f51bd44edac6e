// The page `npm start` serves, remade on every spec edit: the built page's template, Redoc bundle,
// Redoc options, document (samples included) and try-it console, but rendered by Redoc in the
// browser. build-docs
// pre-renders the page on the server, the slow part of `npm run build`; remaking this page is only
// bundling the spec and generating the samples (README "The dev loop" has the numbers). Nothing
// here writes to dist/: the built page still comes from build.ts alone.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type ApiModel, loadApiModel, type OpenApiDocument } from "@klearstack/spec";
import { bundle, createConfig } from "@redocly/openapi-core";
import Handlebars from "handlebars";
import { parse } from "yaml";
import { redoclyConfigPath, withCodeSamples } from "./build.ts";
import { bundleConsole, consoleModelOf, withConsole } from "./console/index.ts";
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

export interface DevPage {
  html: string;
  model: ApiModel;
}

/** The page for the spec at `specPath`, its samples and first server calling `serverUrl`. */
export async function buildDevPage(specPath: string, serverUrl: string): Promise<DevPage> {
  const model = await loadApiModel(specPath);
  const bundled = await bundle({ ref: specPath, config: await createConfig({}) });
  const problem = bundled.problems.find((p) => p.severity === "error");
  if (problem) throw new Error(`the spec cannot be bundled: ${problem.message}`);
  const document = withCodeSamples(bundled.bundle.parsed as OpenApiDocument, model, serverUrl);
  const html = withConsole(
    render(document),
    consoleModelOf(model, { serverUrl }),
    await bundleConsole(),
  );
  return { html, model };
}

/** Redoc's bundle with its CDN logos inlined, so the dev page is as offline as the built one. */
export function readRedocBundle(): string {
  if (!existsSync(redocBundlePath)) {
    throw new Error(
      `No Redoc bundle at ${redocBundlePath}: @redocly/cli moved it; point apps/docs/src/dev-page.ts at its new place`,
    );
  }
  return withoutRemoteLogo(readFileSync(redocBundlePath, "utf8"));
}

/** What build-docs passes Redoc: redocly.yaml's `openapi` options, the document already bundled. */
export function redocOptions(): Record<string, unknown> {
  const config = parse(readFileSync(redoclyConfigPath, "utf8")) as { openapi?: object };
  return { ...config.openapi, skipBundle: true, disableTelemetry: true };
}

/** The template filled the way build-docs fills it, minus the server-side render. */
function render(document: OpenApiDocument): string {
  const info = document.info as { title?: string; summary?: string };
  // The same script build-docs writes (so documentInPage() reads either page), with Redoc loaded
  // from the server instead of inlined; hydrate() renders from scratch into an empty container.
  const redocHTML = `
      <div id="redoc"></div>
      <script type="module">
      import { hydrate } from "${redocBundleRoute}";

      const __redoc_definition = ${scriptJson(document)};
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
