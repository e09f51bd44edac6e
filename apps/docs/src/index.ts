// What the cross tests (test/samples, test/browser) use: where the page is, how to read its samples
// back, how to serve it, and the one way to start Chromium.
export { distPage } from "./build.ts";
export { chromiumArgs, chromiumPath, launchChromium } from "./chromium.ts";
export { readWithCompressed } from "./compress.ts";
export { documentInPage, operationRoute, readBuiltPage, samplesInPage } from "./page.ts";
export { type CodeSample, clientSampleLabel, httpSampleKinds } from "./samples.ts";
export { serveDocs } from "./serve.ts";
