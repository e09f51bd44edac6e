// Redoc 3 renders its "API docs by Redocly" sidebar footer unconditionally (no option turns it off)
// with <img>s from Redocly's CDN. Both pages swap them for inline SVGs, so they ask no other host
// for anything and the attribution stays: the built page (build.ts) and the page `npm start`
// serves while the spec is edited (dev-page.ts), whose Redoc bundle carries the same two URLs.
const remoteLogos: Record<string, string> = {
  "https://cdn.redoc.ly/redoc/logo-mini-full.svg": inlineSvgText("Redocly", 56),
  "https://cdn.redoc.ly/redoc/logo-mini.svg": inlineSvgText("R", 10),
};

function inlineSvgText(text: string, width: number): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="16"><text x="0" y="12" font-family="sans-serif" font-size="12" font-weight="600" fill="#3a3a3a">${text}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/** `code` (a page or Redoc's bundle) with the CDN logos inlined; fails if Redoc stops using them. */
export function withoutRemoteLogo(code: string): string {
  let result = code;
  for (const [url, inline] of Object.entries(remoteLogos)) {
    if (!result.includes(url)) {
      throw new Error(`Redoc no longer references ${url}: re-check the page for remote assets`);
    }
    result = result.replaceAll(url, inline);
  }
  return result;
}
