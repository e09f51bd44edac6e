// The try-it console, as the docs build uses it: the model it needs, bundled into the page, and
// the check that Redoc still routes every operation where the console looks for it.
export { type AnchorCheck, checkAnchors } from "./anchors.ts";
export { bundleConsole, type ConsoleAssets } from "./bundle.ts";
export { ConsoleDriver, type ShownAnswer } from "./driver.ts";
export { CONSOLE_END, CONSOLE_START, withConsole, withoutConsole } from "./inject.ts";
export { type ConsoleModelOptions, consoleModelOf } from "./model.ts";
export type * from "./types.ts";
