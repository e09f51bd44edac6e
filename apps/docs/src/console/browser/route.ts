// Which operation the page shows, read from the URL's fragment the way Redoc 3 routes:
// `#/<tag>/<operationId>`, optionally followed by `#…` for a part of it (`#/x/y#x/y/request`).
// The routes themselves come from the build (src/page.ts operationRoute), which checks them
// against the built page (../anchors.ts), so a change of Redoc's scheme fails the build.
import type { ConsoleOperation } from "../types.ts";

export function routeOf(hash: string): string {
  const [route = ""] = hash.replace(/^#/, "").split("#");
  try {
    return decodeURIComponent(route);
  } catch {
    return route;
  }
}

export function operationAt(
  operations: readonly ConsoleOperation[],
  hash: string,
): ConsoleOperation | undefined {
  const route = routeOf(hash);
  return operations.find((op) => route === op.route || route.startsWith(`${op.route}/`));
}
