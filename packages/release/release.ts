// `npm run release [-- --dry-run]`: cuts a release of every published package at the spec's
// info.version. Both modes check the breaking-change gate against the last release tag, set the
// packages' versions, write the CHANGELOG.md section, build and pack every package into
// dist/release/ and run `npm publish --dry-run` on each tarball; without --dry-run it then prints
// the commands that publish them. Nothing here ever writes to a registry.
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { loadApiModel } from "@klearstack/spec";
import { firstReleaseSection, writeChangelogSection } from "./changelog.ts";
import { decide, runGate } from "./gate.ts";
import { lastReleaseTag } from "./last-tag.ts";
import { buildPackages, packPackages, publishArgs, publishDryRun } from "./pack.ts";
import { PUBLISHED, repoRoot } from "./packages.ts";
import { setVersions } from "./versions.ts";

const say = (line: string) => process.stdout.write(`release: ${line}\n`);

async function main(): Promise<number> {
  let dryRun: boolean;
  try {
    dryRun = parseArgs({ options: { "dry-run": { type: "boolean", default: false } } }).values[
      "dry-run"
    ];
  } catch (error) {
    process.stderr.write(
      `release: ${(error as Error).message}\nusage: npm run release [-- --dry-run]\n`,
    );
    return 2;
  }
  const model = await loadApiModel();
  const version = model.version;
  const tag = lastReleaseTag();

  let section: string;
  if (tag === undefined) {
    say(`no release tag (v*) yet: first release, ${version}; breaking-change gate skipped`);
    section = firstReleaseSection(model);
  } else {
    const { verdict, markdown } = runGate(tag);
    const decision = decide(verdict, tag);
    if (!decision.release) {
      process.stderr.write(`release: refused: ${decision.reason}\n`);
      return 1;
    }
    say(`gate against ${tag}: ${decision.summary}`);
    section = markdown;
  }

  const changed = setVersions(version);
  say(
    changed.length > 0
      ? `set ${changed.join(", ")} to ${version} (package.json, package-lock.json)`
      : `${PUBLISHED.map(({ name }) => name).join(", ")} already at ${version}`,
  );
  writeChangelogSection(join(repoRoot, "CHANGELOG.md"), section);
  say(`wrote the ${version} section of CHANGELOG.md`);

  buildPackages();
  const tarballs = packPackages();
  for (const tarball of tarballs) {
    publishDryRun(tarball);
    say(`packed and checked (npm publish --dry-run) ${relative(repoRoot, tarball)}`);
  }

  if (dryRun) {
    say(`dry run done: ${version}, nothing published`);
    return 0;
  }
  say("to publish, commit the release, tag it and run:");
  const commands = [
    `git commit -am "Release ${version}"`,
    `git tag v${version}`,
    ...tarballs.map((tarball) => `npm ${publishArgs(relative(repoRoot, tarball)).join(" ")}`),
    "git push --follow-tags",
  ];
  for (const command of commands) process.stdout.write(`  ${command}\n`);
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  // A failed step (git, the gate, a build, npm) says what failed; its own output is above.
  process.stderr.write(`release: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
