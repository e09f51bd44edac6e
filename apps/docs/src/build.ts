// Builds apps/docs/dist/index.html: bundle the spec, add the generated code samples, put it in the
// page template with Redoc's bundle inlined (render-page.ts: Redoc renders it in the browser,
// sanitized), add the try-it console and the page's Content-Security-Policy.
// Usage: node src/build.ts [--server-url URL] [--out FILE] [--spec FILE] [--no-check-routes]
//        [--no-precompress]
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { Browser } from "@klearstack/chromium";
import { type ApiModel, loadApiModel, type OpenApiDocument, specPath } from "@klearstack/spec";
import { parse } from "yaml";
import { bundleSpec } from "./bundle-spec.ts";
import { compress, writeWithCompressed, writeWithoutCompressed } from "./compress.ts";
import { bundleConsole, checkAnchors, consoleModelOf, withConsole } from "./console/index.ts";
import { withContentSecurityPolicy } from "./csp.ts";
import { operationRoute } from "./page.ts";
import { renderPage } from "./render-page.ts";
import { codeSamplesOf, defaultServerUrl } from "./samples.ts";

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, "../../..");
export const redoclyConfigPath = join(repoRoot, "redocly.yaml");
export const distPage = resolve(here, "../dist/index.html");

export interface BuildOptions {
  /** Base URL the samples call and the page lists first; default: the spec's first server. */
  serverUrl?: string;
  out?: string;
  spec?: string;
  /**
   * Open the page in Chromium to check that Redoc routes every operation where the try-it
   * console looks for it (default true). Where Chromium is missing it is skipped with a warning,
   * so `npm run build` works on a machine without it; under CI (`CI` set) that fails the build.
   */
  checkRoutes?: boolean;
  /** A browser for the route check (a test's); by default the check launches its own. */
  browser?: Browser;
  /**
   * Write the .br and .gz copies that serving sends (default true). A page that is only opened
   * as a file needs none, and they are about 2.5 s of CPU per build (compress.ts).
   */
  precompress?: boolean;
}

export async function buildDocs({
  serverUrl,
  out = distPage,
  spec = specPath,
  checkRoutes = true,
  browser,
  precompress = true,
}: BuildOptions = {}): Promise<string> {
  const model = await loadApiModel(spec);
  const work = mkdtempSync(join(tmpdir(), "klearstack-docs-"));
  try {
    // esbuild bundles the console in its own process while the spec is bundled here.
    const [bundled, consoleScript] = await Promise.all([bundleSpec(spec), bundleConsole()]);
    const document = withCodeSamples(bundled, model, serverUrl);
    const page = join(work, "index.html");
    const html = withContentSecurityPolicy(
      withConsole(
        renderPage(document, "inline"),
        consoleModelOf(model, { serverUrl }),
        consoleScript,
      ),
    );
    const bytes = Buffer.from(html);
    // Compressed on libuv's threads while Chromium checks the routes; written only if they pass.
    const compressed = precompress ? settled(compress(bytes)) : undefined;
    if (checkRoutes) {
      writeFileSync(page, html);
      const check = await checkAnchors(page, model.operations.map(routedOperation), { browser });
      if ("skipped" in check) {
        if (process.env.CI)
          throw new Error(`docs: try-it route check cannot run: ${check.skipped}`);
        console.warn(`docs: try-it route check skipped: ${check.skipped}`);
      }
    }
    mkdirSync(dirname(out), { recursive: true });
    if (compressed) await writeWithCompressed(out, bytes, await compressed.value());
    else writeWithoutCompressed(out, bytes);
    return out;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * A promise that is awaited later, maybe never (the route check failed first): its rejection is
 * held, not reported as unhandled, and thrown where value() is awaited.
 */
function settled<T>(promise: Promise<T>): { value(): Promise<T> } {
  promise.catch(() => {});
  return { value: () => promise };
}

const routedOperation = (op: ApiModel["operations"][number]) => ({
  operationId: op.operationId,
  route: operationRoute(op),
});

/**
 * The document the page renders: every operation the model reads from the spec carries its
 * samples; with `serverUrl` (npm start's own mock), the first server is that URL.
 */
export function withCodeSamples(
  document: OpenApiDocument,
  model: ApiModel,
  serverUrl?: string,
): OpenApiDocument {
  if (serverUrl !== undefined) {
    const [first, ...others] = document.servers ?? [];
    document.servers = [{ ...first, url: serverUrl }, ...others];
  }
  const labels = listedSampleLabels();
  for (const [operationId, samples] of codeSamplesOf(model, serverUrl ?? defaultServerUrl(model))) {
    const unlisted = samples.filter((s) => !labels.includes(s.label)).map((s) => s.label);
    if (unlisted.length) {
      throw new Error(
        `Redoc 3 hides samples whose label is not under openapi.codeSamples.languages in redocly.yaml: ${unlisted.join(", ")}`,
      );
    }
    operationAt(document, model.operation(operationId).pointer)["x-codeSamples"] = samples;
  }
  return document;
}

/** The operation object a model pointer names in the bundled document (which keeps paths as is). */
function operationAt(document: OpenApiDocument, pointer: string): Record<string, unknown> {
  let node: unknown = document;
  for (const part of pointer.split("/").slice(1)) {
    const key = part.replaceAll("~1", "/").replaceAll("~0", "~");
    node = (node as Record<string, unknown> | undefined)?.[key];
  }
  if (!node || typeof node !== "object") {
    throw new Error(`the bundled spec has no operation at ${pointer}`);
  }
  return node as Record<string, unknown>;
}

/** The sample tabs redocly.yaml lets Redoc show. */
export function listedSampleLabels(): string[] {
  const config = parse(readFileSync(redoclyConfigPath, "utf8")) as {
    openapi?: { codeSamples?: { languages?: { lang: string; label?: string }[] } };
  };
  return (config.openapi?.codeSamples?.languages ?? []).map((l) => l.label ?? l.lang);
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      "server-url": { type: "string" },
      out: { type: "string" },
      spec: { type: "string" },
      "check-routes": { type: "boolean", default: true },
      precompress: { type: "boolean", default: true },
    },
    allowNegative: true,
  });
  const started = performance.now();
  const out = await buildDocs({
    serverUrl: values["server-url"],
    out: values.out,
    spec: values.spec,
    checkRoutes: values["check-routes"],
    precompress: values.precompress,
  });
  console.log(`docs: ${out} (${Math.round(performance.now() - started)} ms)`);
}
