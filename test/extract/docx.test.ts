import fs from "node:fs";
import path from "node:path";
import { Document, Packer, Paragraph, TextRun } from "docx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXTRACTORS, sniffSource } from "../../src/extract/index.js";
import { bufferSource } from "../../src/extract/source.js";
import { collect, ctx, extractUnits, makeTempDir, removeDir, sourceFor } from "./helpers.js";

let dir: string;
let docxBytes: Buffer;

beforeAll(async () => {
  dir = makeTempDir("docx");
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph("Geachte heer Jansen,"),
          new Paragraph({ children: [new TextRun("Uw BSN is "), new TextRun({ text: "123456782", bold: true }), new TextRun(".")] }),
          new Paragraph(""),
          new Paragraph("Met vriendelijke groet, Anja de Vries"),
        ],
      },
    ],
  });
  docxBytes = await Packer.toBuffer(doc);
  fs.writeFileSync(path.join(dir, "brief.docx"), docxBytes);
  fs.writeFileSync(path.join(dir, "kapot.docx"), docxBytes.subarray(0, Math.floor(docxBytes.length / 2)));
});
afterAll(() => removeDir(dir));

describe("docx extractor", () => {
  it("yields one prose unit per paragraph with its line in the extracted text", async () => {
    const units = await extractUnits(await sourceFor(dir, "brief.docx"));
    expect(units.map((u) => u.text)).toEqual(["Geachte heer Jansen,", "Uw BSN is 123456782.", "Met vriendelijke groet, Anja de Vries"]);
    expect(units.every((u) => u.kind === "prose")).toBe(true);
    const lines = units.map((u) => u.loc.line!);
    expect(lines[0]).toBe(1);
    expect(lines[1]).toBeGreaterThan(lines[0]);
    expect(lines[2]).toBeGreaterThan(lines[1]);
  });

  it("reads a docx held in memory (archive member)", async () => {
    const src = bufferSource("a.zip!/brief.docx", docxBytes, new Date(0), 1);
    const units = await extractUnits(src);
    expect(units).toHaveLength(3);
  });

  it("reports a truncated docx as CORRUPT", async () => {
    const src = await sourceFor(dir, "kapot.docx");
    expect(sniffSource(src)).toEqual({ kind: "format", format: "docx" });
    const err = await collect(EXTRACTORS.docx.extract(src, ctx())).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "CORRUPT", status: "failed" });
    expect((err as Error).message).toMatch(/^truncated or damaged \.docx: /);
  });

  it("refuses a docx above the size limit", async () => {
    const err = await collect(EXTRACTORS.docx.extract(await sourceFor(dir, "brief.docx"), ctx({ maxFileSize: 100 }))).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "TOO_LARGE" });
  });
});
