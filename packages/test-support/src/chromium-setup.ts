// A vitest globalSetup: one Chromium for the whole run, closed when the run ends (a failed run
// too). Test files open their own contexts on it (./chromium.ts `openBrowser`), each as fresh as a
// new profile, so no state passes from one file to the next; only the browser process is shared.
import { launchChromiumServer } from "@klearstack/chromium";
import type { TestProject } from "vitest/node";
import { sharedChromiumKey } from "./chromium-key.ts";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await launchChromiumServer();
  project.provide(sharedChromiumKey, server.wsEndpoint());
  return () => server.close();
}
