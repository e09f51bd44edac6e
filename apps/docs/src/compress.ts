// Pre-compressed copies of the page, written at build time so serving costs no CPU: Brotli at its
// best quality (smaller than q9 for this page, mostly one minified script, at a cost in build time:
// README "Pre-compression") and gzip for clients without Brotli. The gzip copy comes from Zopfli
// (@gfx/zopfli, WebAssembly): the same gzip format every client reads, a few per cent smaller than
// zlib's best level, which keeps the page inside its gzip budget. Brotli runs on libuv's thread
// pool meanwhile, so the two cost the longer of their times, not the sum.
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { promisify } from "node:util";
import { brotliCompress, constants } from "node:zlib";
import { gzipAsync } from "@gfx/zopfli";

export const encodings = { br: ".br", gzip: ".gz" } as const;
export type Encoding = keyof typeof encodings;

const brotli = promisify(brotliCompress);

export async function compress(html: Buffer): Promise<Record<Encoding, Buffer>> {
  const [br, gzip] = await Promise.all([
    brotli(html, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: html.length,
      },
    }),
    // One iteration: nearly all of Zopfli's gain over zlib, for a fraction of the default's time.
    gzipAsync(html, { numiterations: 1 }),
  ]);
  return { br, gzip: Buffer.from(gzip) };
}

/** Writes `file` and its .br/.gz copies, each through a rename so readers never see a partial one. */
export async function writeWithCompressed(file: string, html: Buffer): Promise<void> {
  const variants = await compress(html);
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
