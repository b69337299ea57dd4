// A read error in the middle of a file (a network share going away) must end the extraction
// with EIO, never hang it.
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { EXTRACTORS } from "../../src/extract/index.js";
import { bufferSource } from "../../src/extract/source.js";
import type { Source } from "../../src/extract/types.js";
import { collect, ctx } from "./helpers.js";

const eio = () => Object.assign(new Error("EIO: i/o error, read"), { code: "EIO", errno: -5, syscall: "read" });

/** A source over `buf` whose reads fail with EIO: the stream after `failAt` bytes, a whole-buffer read at once. */
function failingSource(path: string, buf: Buffer, failAt: number): Source {
  const base = bufferSource(path, buf, new Date(0), 0);
  return {
    ...base,
    buffer: () => Promise.reject(eio()),
    stream() {
      let sent = false;
      return new Readable({
        read() {
          if (!sent) {
            sent = true;
            this.push(buf.subarray(0, failAt));
          } else {
            this.destroy(eio());
          }
        },
      });
    },
  };
}

let xlsx: Buffer;
beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Data");
  for (let i = 0; i < 2000; i++) ws.addRow([`naam ${i}`, `persoon${i}@example.nl`, i]);
  xlsx = Buffer.from(await wb.xlsx.writeBuffer());
});

describe("read errors", () => {
  const text = Buffer.from(Array.from({ length: 3000 }, (_, i) => `regel ${i};waarde ${i}`).join("\n"));
  const json = Buffer.from(JSON.stringify(Array.from({ length: 3000 }, (_, i) => ({ naam: `n${i}` }))));
  const ndjson = Buffer.from(Array.from({ length: 3000 }, (_, i) => JSON.stringify({ naam: `n${i}` })).join("\n"));
  const html = Buffer.from(`<html><body>${"<p>tekst</p>".repeat(3000)}</body></html>`);
  const cases: Array<[string, string, () => Buffer]> = [
    ["txt", "a.txt", () => text],
    ["csv", "a.csv", () => text],
    ["json", "a.json", () => json],
    ["ndjson", "a.ndjson", () => ndjson],
    ["html", "a.html", () => html],
    ["xlsx", "a.xlsx", () => xlsx],
  ];
  for (const [format, name, data] of cases) {
    it(`${format}: EIO`, async () => {
      const buf = data();
      const src = failingSource(name, buf, Math.floor(buf.length / 3));
      await expect(collect(EXTRACTORS[format].extract(src, ctx()))).rejects.toMatchObject({ code: "EIO" });
    });
  }

  it("xlsx held in memory (an archive member) is read like a file", async () => {
    const units = await collect(EXTRACTORS.xlsx.extract(bufferSource("a.zip!/b.xlsx", xlsx, new Date(0), 1), ctx()));
    expect(units).toHaveLength(6000);
  });
});
