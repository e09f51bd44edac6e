// The try-it console's entry, bundled into the docs page by ../bundle.ts. It reads the console
// model the build wrote into the page and adds the console beside Redoc's root.
import type { ConsoleModel } from "../types.ts";
import { mountConsole } from "./panel.ts";

const data = document.getElementById("ks-console-model")?.textContent;
const root = document.getElementById("ks-console");
if (data && root) mountConsole(JSON.parse(data) as ConsoleModel, root);
