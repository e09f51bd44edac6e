// Build time: the console's script and style, bundled and minified by esbuild from
// ./browser/main.ts and ./console.css. Runs on every docs build (tens of milliseconds), so the page
// never carries a stale copy and nothing generated is committed.
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const entry = fileURLToPath(new URL("./browser/main.ts", import.meta.url));
const stylesheet = fileURLToPath(new URL("./console.css", import.meta.url));
/** Browsers the page supports: those Redoc 3 itself needs (ES2020 modules and up). */
const target = ["chrome109", "firefox115", "safari16"];

export interface ConsoleAssets {
  script: string;
  style: string;
}

export async function bundleConsole(): Promise<ConsoleAssets> {
  const [script, style] = await Promise.all([
    build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: "iife",
      target,
      write: false,
      legalComments: "none",
      logLevel: "silent",
    }),
    build({
      entryPoints: [stylesheet],
      bundle: true,
      minify: true,
      target,
      write: false,
      logLevel: "silent",
    }),
  ]);
  return { script: textOf(script), style: textOf(style) };
}

function textOf(result: { outputFiles?: { text: string }[] }): string {
  const [file] = result.outputFiles ?? [];
  if (!file) throw new Error("esbuild wrote no console bundle");
  return file.text.trim();
}
