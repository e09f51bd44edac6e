// Reads back what a built page shows: the page embeds the rendered document as one JSON literal
// (render-page.ts writes Redoc's start-up script the way build-docs does).
import { existsSync, readFileSync } from "node:fs";
import type { OpenApiDocument, OperationModel } from "@klearstack/spec";
import { distPage } from "./build.ts";
import type { CodeSample } from "./samples.ts";

const marker = "const __redoc_definition = ";

/** The built page's HTML; says how to build it when it is missing. */
export function readBuiltPage(file: string = distPage): string {
  if (!existsSync(file)) {
    throw new Error(
      `${file} is missing: run \`npm run build\` (or \`npm run build -w @klearstack/docs\`) first`,
    );
  }
  return readFileSync(file, "utf8");
}

export function documentInPage(html: string): OpenApiDocument {
  const start = html.indexOf(marker);
  if (start < 0) throw new Error("not a docs page: no embedded definition");
  const end = html.indexOf(";\n", start);
  return JSON.parse(html.slice(start + marker.length, end)) as OpenApiDocument;
}

/** Every operation's samples exactly as the page shows them, keyed by operationId. */
export function samplesInPage(html: string): Map<string, CodeSample[]> {
  const document = documentInPage(html);
  const samples = new Map<string, CodeSample[]>();
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item)) {
      samples.set(operation.operationId, (operation["x-codeSamples"] ?? []) as CodeSample[]);
    }
  }
  return samples;
}

/**
 * Where the page shows an operation, as Redoc 3 routes it: `/<tag>/<operationId>`, each slugged
 * (lower case, spaces to dashes). The page routes by fragment, served or opened as a file:
 * `…/#/authentication/getaccesstoken`, which is also each sidebar link's href.
 */
export function operationRoute({
  operationId,
  tags,
}: Pick<OperationModel, "operationId" | "tags">): string {
  const slug = (text: string) => text.trim().toLowerCase().replace(/\s+/g, "-");
  const [tag] = tags;
  const parts = tag === undefined ? [operationId] : [tag, operationId];
  return `/${parts.map(slug).join("/")}`;
}
