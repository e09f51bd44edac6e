// npm only warns when Node is older than a package's `engines`; the command then fails wherever
// the first missing API is used, with a stack trace. The command checks first instead.

/**
 * The one-line refusal for a Node older than `range` (the package's `engines.node`, ">=X.Y.Z"),
 * or undefined when `running` (a `process.versions.node`) satisfies it.
 */
export function nodeRefusal(command: string, range: string, running: string): string | undefined {
  const floor = /^>=\s*(\d+)\.(\d+)\.(\d+)$/.exec(range);
  if (!floor) throw new Error(`unexpected engines.node: ${range}`);
  const wanted = floor.slice(1).map(Number);
  const have = running.split(".").map(Number);
  // The first part that differs decides: 20.2.9 is older than 20.3.0, 21.0.0 is not.
  const differing = have.findIndex((part, i) => part !== wanted[i]);
  if (differing < 0 || (have[differing] ?? 0) > (wanted[differing] ?? 0)) return undefined;
  return `${command}: needs Node ${range}, and this is Node ${running}. Install Node ${wanted.join(".")} or later, then run it again.\n`;
}
