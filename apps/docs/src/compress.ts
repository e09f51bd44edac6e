// Pre-compressed copies of the page, written at build time so serving costs no CPU: Brotli at
// quality 10 and gzip at zlib's best level, both from node:zlib on libuv's thread pool, so the two
// cost the longer of their times. Quality 11 and Zopfli each save a few per cent more, at 15-20 s
// of every build on this machine (README "Pre-compression": the figures and how to reproduce them),
// and the page is now well inside its gzip budget without them.
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

export const encodings = { br: ".br", gzip: ".gz" } as const;
export type Encoding = keyof typeof encodings;

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export async function compress(html: Buffer): Promise<Record<Encoding, Buffer>> {
  const [br, gz] = await Promise.all([
    brotliAsync(html, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 10,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: html.length,
      },
    }),
    gzipAsync(html, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  return { br, gzip: gz };
}

/**
 * Writes `file` and its .br/.gz copies, each through a rename so readers never see a partial one.
 * `variants`: compress(html), when the caller has compressed it already.
 */
export async function writeWithCompressed(
  file: string,
  html: Buffer,
  variants?: Record<Encoding, Buffer>,
): Promise<void> {
  variants ??= await compress(html);
  for (const [encoding, suffix] of Object.entries(encodings)) {
    atomicWrite(`${file}${suffix}`, variants[encoding as Encoding]);
  }
  atomicWrite(file, html);
}

/** Writes `file` alone, removing .br/.gz copies an earlier build left, which would be stale. */
export function writeWithoutCompressed(file: string, html: Buffer): void {
  for (const suffix of Object.values(encodings)) rmSync(`${file}${suffix}`, { force: true });
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
