// Pre-compressed copies of the page, written at build time so serving costs no CPU: Brotli at its
// best quality (smaller than q9 for this page, mostly one minified script, at a cost in build time:
// README "Pre-compression") and gzip for clients without Brotli.
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export const encodings = { br: ".br", gzip: ".gz" } as const;
export type Encoding = keyof typeof encodings;

export function compress(html: Buffer): Record<Encoding, Buffer> {
  return {
    br: brotliCompressSync(html, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: html.length,
      },
    }),
    gzip: gzipSync(html, { level: constants.Z_BEST_COMPRESSION }),
  };
}

/** Writes `file` and its .br/.gz copies, each through a rename so readers never see a partial one. */
export function writeWithCompressed(file: string, html: Buffer): void {
  const variants = compress(html);
  for (const [encoding, suffix] of Object.entries(encodings)) {
    atomicWrite(`${file}${suffix}`, variants[encoding as Encoding]);
  }
  atomicWrite(file, html);
}

export function readWithCompressed(file: string): { html: Buffer } & Record<Encoding, Buffer> {
  return {
    html: readFileSync(file),
    br: readFileSync(`${file}${encodings.br}`),
    gzip: readFileSync(`${file}${encodings.gzip}`),
  };
}

function atomicWrite(file: string, data: Buffer): void {
  const next = `${file}.${process.pid}.tmp`;
  writeFileSync(next, data);
  renameSync(next, file);
}
