import fs from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { EXTRACTORS } from "../../src/extract/index.js";
import { collect, ctx, extractUnits, makeTempDir, removeDir, sourceFor } from "./helpers.js";

let dir: string;

function writePdf(file: string, options: PDFKit.PDFDocumentOptions, pages: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument(options);
    const out = fs.createWriteStream(file);
    out.on("finish", () => resolve());
    out.on("error", reject);
    doc.pipe(out);
    pages.forEach((text, i) => {
      if (i > 0) doc.addPage();
      doc.text(text);
    });
    doc.end();
  });
}

beforeAll(async () => {
  dir = makeTempDir("pdf");
  await writePdf(path.join(dir, "twee.pdf"), {}, ["Pagina een\nJan Jansen", "Pagina twee\nTweede regel\njan@example.nl"]);
  await writePdf(path.join(dir, "geheim.pdf"), { userPassword: "geheim", ownerPassword: "eigenaar", pdfVersion: "1.7" }, ["Vertrouwelijk"]);
  const good = fs.readFileSync(path.join(dir, "twee.pdf"));
  fs.writeFileSync(path.join(dir, "kapot.pdf"), Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.from("garbage ".repeat(50))]));
  fs.writeFileSync(path.join(dir, "half.pdf"), good.subarray(0, 200));
});
afterAll(() => removeDir(dir));

describe("pdf extractor", () => {
  it("yields prose per page with page numbers and lines inside the page, printing nothing", async () => {
    const log = vi.spyOn(console, "log");
    const write = vi.spyOn(process.stdout, "write");
    try {
      const units = await extractUnits(await sourceFor(dir, "twee.pdf"));
      expect(units).toEqual([
        { kind: "prose", text: "Pagina een\nJan Jansen", loc: { page: 1, line: 1 } },
        { kind: "prose", text: "Pagina twee\nTweede regel\njan@example.nl", loc: { page: 2, line: 1 } },
      ]);
      expect(log).not.toHaveBeenCalled();
      expect(write).not.toHaveBeenCalled();
    } finally {
      log.mockRestore();
      write.mockRestore();
    }
  });

  it("reports a password-protected PDF as ENCRYPTED", async () => {
    const err = await collect(EXTRACTORS.pdf.extract(await sourceFor(dir, "geheim.pdf"), ctx())).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "ENCRYPTED", status: "failed", message: "password-protected PDF" });
  });

  it("reports damaged PDFs as CORRUPT", async () => {
    for (const name of ["kapot.pdf", "half.pdf"]) {
      const err = await collect(EXTRACTORS.pdf.extract(await sourceFor(dir, name), ctx())).catch((e: unknown) => e);
      expect(err, name).toMatchObject({ code: "CORRUPT", status: "failed" });
    }
  });
});
