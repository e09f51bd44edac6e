// `npm start` only: open tabs reload themselves when the served page changes. The dev server adds
// the script to the page as it serves it (dev-server.ts); the built page in dist/ never carries it.
// Server-sent events: the stream tells each tab which page is current, on connecting and after
// every rebuild, and a tab showing another one reloads. A tab that connects late (it loaded the old
// page just before a rebuild) still hears the current page and catches up.
import type { ServerResponse } from "node:http";

export const liveReloadRoute = "/__live-reload";

/** `html` with the script that reloads the tab once the server names a page other than `version`. */
export function withLiveReload(html: string, version: string): string {
  const script = `<script>${liveReloadScript(version)}</script>`;
  const end = html.lastIndexOf("</body>");
  if (end < 0) throw new Error("the page has no </body> to put the live-reload script before");
  return `${html.slice(0, end)}${script}\n${html.slice(end)}`;
}

/** The script's text (the page's Content-Security-Policy allows it by its hash). */
export const liveReloadScript = (version: string): string =>
  `new EventSource(${JSON.stringify(liveReloadRoute)}).addEventListener("page", (event) => { if (event.data !== ${JSON.stringify(version)}) location.reload(); });`;

/** The open event streams, each told the current page's version. */
export class LiveReload {
  readonly #streams = new Set<ServerResponse>();
  #version: string;

  constructor(version: string) {
    this.#version = version;
  }

  /** Keeps `res` open as an event stream that hears the current version now and each new one. */
  attach(res: ServerResponse): void {
    res.writeHead(200, {
      "content-type": "text/event-stream",
      "cache-control": "no-cache",
      "x-content-type-options": "nosniff",
    });
    res.write("retry: 500\n\n"); // after a restart of `npm start`, reconnect soon
    this.#streams.add(res);
    res.on("close", () => this.#streams.delete(res));
    send(res, this.#version);
  }

  announce(version: string): void {
    this.#version = version;
    for (const res of this.#streams) send(res, version);
  }
}

function send(res: ServerResponse, version: string): void {
  res.write(`event: page\ndata: ${version}\n\n`);
}
