// Reload on spec change. Watches the directory, not the file: editors often save by writing a new
// file and renaming it over the old one, which a file watch would lose.
import { type FSWatcher, watch } from "node:fs";
import { basename, dirname } from "node:path";

export function watchFile(path: string, onChange: () => void, debounceMs = 100): () => void {
  let timer: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watch(dirname(path), (_event, name) => {
    if (name !== null && name !== basename(path)) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  });
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
