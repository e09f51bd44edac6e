// @ts-check
// Where the bundle lives, and how to tell that it still matches its sources. The build writes, next
// to the bundle, a fingerprint of everything that went into it; a start compares them before
// running the bundle, so an edit to src/, spec/*.ts or the build, or an npm install, can never
// leave `npm run mock` serving yesterday's code. It runs on every start, so it is light, and plain
// JavaScript like bin/klearstack-mock.js.
import { hash } from "node:crypto";
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The workspace root (apps/mock/); manifest paths are relative to it. */
export const workspaceDir = fileURLToPath(new URL("..", import.meta.url));
export const bundleFile = join(workspaceDir, "dist/klearstack-mock.js");
export const manifestFile = join(workspaceDir, "dist/klearstack-mock.inputs.json");

/** The files that make the bundle besides its inputs: the recipe itself. */
export const recipeFiles = ["build/bundle.ts", "build/plugins.ts", "build/manifest.js"];

/**
 * A path relative to the workspace, as the manifest and esbuild's metafile spell it.
 * @param {string} path
 */
export const relativeToWorkspace = (path) => relative(workspaceDir, path);

/**
 * A fingerprint of file contents, for the files the build hashes as it reads them.
 * @param {string | Uint8Array} contents
 */
export const contentFingerprint = (contents) => `sha256:${hash("sha256", contents)}`;

/** @param {string} path */
export const inNodeModules = (path) => path.split(/[\\/]/).includes("node_modules");

/**
 * The file that stands for an installed file in the manifest: npm's record of the install
 * (`node_modules/.package-lock.json`, the "hidden lockfile" npm rewrites whenever it changes that
 * node_modules), so that a start checks one file instead of every installed one. Undefined for a
 * file outside node_modules, or one no npm install records (then it stands for itself).
 * @param {string} path
 * @returns {string | undefined}
 */
export function installRecord(path) {
  const parts = path.split(/[\\/]/);
  const top = parts.indexOf("node_modules");
  if (top < 0) return undefined;
  const record = [...parts.slice(0, top + 1), ".package-lock.json"].join("/");
  return existsSync(resolve(workspaceDir, record)) ? record : undefined;
}

/**
 * The fingerprint of `path` as it is on disk now. Installed files (under node_modules, npm's record
 * among them) by size and modification time, which npm sets when it writes them; everything else
 * by its contents, which survive a checkout or a turbo cache restore unchanged.
 * @param {string} path
 * @returns {string | undefined}
 */
export function fingerprint(path) {
  const file = resolve(workspaceDir, path);
  try {
    if (inNodeModules(path)) {
      const { size, mtimeMs } = statSync(file);
      return `stat:${size}:${mtimeMs}`;
    }
    return contentFingerprint(readFileSync(file));
  } catch {
    return undefined;
  }
}

/**
 * Writes `contents` to `file` whole: a start running at the same time never reads half of it.
 * @param {string} file
 * @param {string} contents
 */
export function writeWhole(file, contents) {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, file);
}

/**
 * @param {Record<string, string>} inputs fingerprints by path
 * @param {string} [file]
 */
export function writeManifest(inputs, file = manifestFile) {
  writeWhole(file, `${JSON.stringify({ inputs }, null, 1)}\n`);
}

/**
 * Why the bundle cannot run as it is: there is none, or the first of its inputs that changed.
 * Undefined when it is current.
 * @param {{ manifest?: string, bundle?: string }} [files]
 * @returns {string | undefined}
 */
export function staleBecause({ manifest = manifestFile, bundle = bundleFile } = {}) {
  /** @type {Record<string, string>} */
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(manifest, "utf8")).inputs;
    statSync(bundle);
  } catch {
    return "there is no bundle yet";
  }
  for (const [path, print] of Object.entries(inputs)) {
    if (fingerprint(path) !== print) return `${path} changed since the last build`;
  }
  return undefined;
}
