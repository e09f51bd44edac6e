// @klearstack/spec/breaking: does a spec edit break the users of what it generates, and which
// version does it need? Our own engine on the operation model (see README "Before merging").
export { artifactsOf, cliCommandOf, cliFlagOf, cliVariableOf, docsAnchorOf } from "./affects.ts";
export { compareDocuments, compareModels, gate, gateModels, judge } from "./compare.ts";
export { renderHuman, renderMarkdown } from "./render.ts";
export { rules } from "./rules/index.ts";
export type { Bump, Finding, GateResult, Level, Rule } from "./types.ts";
export { bumpBetween, nextVersion, requiredBump } from "./version.ts";
