// The one way tests start a browser: the project's launcher (@klearstack/chromium), which the docs
// build uses too. Tests import it from here, with the rest of what they share.
export { type Browser, chromiumArgs, chromiumPath, launchChromium } from "@klearstack/chromium";
