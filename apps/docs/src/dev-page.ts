// The page `npm start` serves, remade on every spec edit: the built page's template, Redoc bundle,
// Redoc options, document (samples included) and try-it console (render-page.ts), with Redoc
// loaded from the dev server instead of inlined. Remaking it is only bundling the spec (in-process)
// and generating the samples (README "The dev loop" has the numbers). Nothing here writes to
// dist/: the built page still comes from build.ts alone.
import { type ApiModel, loadApiModel } from "@klearstack/spec";
import { withCodeSamples } from "./build.ts";
import { bundleSpec } from "./bundle-spec.ts";
import { bundleConsole, consoleModelOf, withConsole } from "./console/index.ts";
import { renderPage } from "./render-page.ts";

export { readRedocBundle, redocBundleRoute, redocOptions } from "./render-page.ts";

export interface DevPage {
  html: string;
  model: ApiModel;
}

/** The page for the spec at `specPath`, its samples and first server calling `serverUrl`. */
export async function buildDevPage(specPath: string, serverUrl: string): Promise<DevPage> {
  const model = await loadApiModel(specPath);
  const document = withCodeSamples(await bundleSpec(specPath), model, serverUrl);
  const html = withConsole(
    renderPage(document, "route"),
    consoleModelOf(model, { serverUrl }),
    await bundleConsole(),
  );
  return { html, model };
}
