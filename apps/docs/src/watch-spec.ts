// Runs `onChange` after the spec file changes and settles. Watches the folder, not the file: editors
// often save by writing a new file and renaming it over the old one, which ends a file watch. An
// edit while `onChange` runs queues one more run, never two at once.
import { watch } from "node:fs";
import { basename, dirname } from "node:path";

/** How long the file must stay unchanged: an editor's save is a burst of events within a few ms. */
const settleMs = 50;

export function watchSpec(specPath: string, onChange: () => Promise<void>): { close(): void } {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = onChange().finally(() => {
      running = undefined;
      if (again && !closed) {
        again = false;
        run();
      }
    });
  };
  const watcher = watch(dirname(specPath), (_event, name) => {
    if (name !== null && name !== basename(specPath)) return;
    clearTimeout(timer);
    timer = setTimeout(run, settleMs);
  });
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      watcher.close();
    },
  };
}
