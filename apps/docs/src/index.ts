// What the cross tests (test/samples, test/browser) use: where the page is, how to read its samples
// back, how samples are generated and where their secrets come from, and how to serve the page.
// (Tests start Chromium with @klearstack/test-support/chromium; this package exports no test helper.)
export { buildDocs, distPage } from "./build.ts";
export { readWithCompressed } from "./compress.ts";
export { contentSecurityPolicy, policyInPage } from "./csp.ts";
export { buildDevPage } from "./dev-page.ts";
export { serveDevDocs } from "./dev-server.ts";
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
