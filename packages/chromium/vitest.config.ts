// Timeouts and defaults shared by every workspace (see ../../vitest.shared.ts).
export { default } from "../../vitest.shared.ts";
