// Timeouts and defaults shared by every workspace (see ../../vitest.shared.ts). The type tests
// (`--typecheck`) are checked by tsgo, TypeScript 7's native compiler, as lint is: the same
// verdicts as tsc 5.9 in about half the time.
import { mergeConfig } from "vitest/config";
import shared from "../../vitest.shared.ts";

export default mergeConfig(shared, { test: { typecheck: { checker: "tsgo" } } });
