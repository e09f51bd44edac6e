// What the cross tests (test/samples, test/browser) use: where the page is, how to read its samples
// back, how samples are generated and where their secrets come from, how to serve the page, and
// the one way to start Chromium.
export { buildDocs, distPage } from "./build.ts";
export { chromiumArgs, chromiumPath, launchChromium } from "./chromium.ts";
export { readWithCompressed } from "./compress.ts";
export { documentInPage, operationRoute, readBuiltPage, samplesInPage } from "./page.ts";
export {
  type CodeSample,
  clientSampleLabel,
  codeSamplesFor,
  codeSamplesOf,
  httpSampleKinds,
  placeholderFor,
  type SampleSecret,
  sampleLabels,
  sampleSecrets,
} from "./samples.ts";
export { serveDocs } from "./serve.ts";
