// The try-it console (console-suite.ts) on the product spec's page, served over http, calling the
// mock by a custom base URL; then, on the same page, the docs page's own tests (docs-page.ts).
import { distPage, readBuiltPage, readWithCompressed, serveDocs } from "@klearstack/docs";
import { loadApiModel, specPath } from "@klearstack/spec";
import { describeConsole } from "./console-suite.ts";
import { describeDocsPage } from "./docs-page.ts";

readBuiltPage(); // fails with how to build the page when it is missing

describeConsole({
  name: "the product spec's page, served over http, calling the mock by a custom base URL",
  spec: specPath,
  model: await loadApiModel(specPath),
  async page() {
    const server = await serveDocs({ page: readWithCompressed(distPage), port: 0 });
    return { url: server.url, close: () => server.close() };
  },
  alsoOnThisPage: describeDocsPage,
});
