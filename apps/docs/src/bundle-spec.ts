// The document Redoc renders: the spec with its $refs to other files brought in, bundled in-process
// by @redocly/openapi-core, the engine behind `redocly bundle` and our lint gate. A `redocly bundle`
// process cost about 0.65 s of CPU per page built; redocly.yaml holds lint rules and plugins but no
// decorators, so the default config bundles the same document (dev-page.test.ts compares the
// built page's document with the dev page's).
import type { OpenApiDocument } from "@klearstack/spec";
import { bundle, createConfig } from "@redocly/openapi-core";

export async function bundleSpec(specPath: string): Promise<OpenApiDocument> {
  const bundled = await bundle({ ref: specPath, config: await createConfig({}) });
  const problem = bundled.problems.find((p) => p.severity === "error");
  if (problem) throw new Error(`the spec cannot be bundled: ${problem.message}`);
  return bundled.bundle.parsed as OpenApiDocument;
}
