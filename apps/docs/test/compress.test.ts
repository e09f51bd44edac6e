// A build without pre-compression (`--no-precompress`, for a page only opened as a file) writes the
// page alone, and never leaves an earlier build's .br/.gz copies beside it: serving would send them.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { encodings, writeWithCompressed, writeWithoutCompressed } from "../src/compress.ts";

const work = mkdtempSync(join(tmpdir(), "klearstack-compress-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("writing the page without compressed copies", () => {
  it("writes the page and removes the copies an earlier build wrote", async () => {
    const page = join(work, "index.html");
    await writeWithCompressed(page, Buffer.from("<p>before</p>"));
    for (const suffix of Object.values(encodings))
      expect(existsSync(`${page}${suffix}`)).toBe(true);

    writeWithoutCompressed(page, Buffer.from("<p>after</p>"));
    expect(readFileSync(page, "utf8")).toBe("<p>after</p>");
    for (const suffix of Object.values(encodings))
      expect(existsSync(`${page}${suffix}`)).toBe(false);
  });
});
