// The programmatic API end to end (through the built worker pool in dist/): robustness of
// the pool, header guarding, and that one bad file never costs the others.
import { describe, expect, it } from "vitest";
import { makeShare } from "../helpers.js";
import ExcelJS from "exceljs";
import { scan } from "../../dist/index.js";

const T = 60_000;

describe("scan()", () => {
  it("turns a file that takes too long into a TIMEOUT entry and finishes the scan", async () => {
    const dir = makeShare({ "a.txt": "BSN 111222333\n", "b.txt": "niets\n" });
    const report = await scan({ roots: [dir], fileTimeoutMs: 1, jobs: 1 });
    expect(report.files.map((f) => [f.path, f.status, f.error?.code])).toEqual([
      ["a.txt", "failed", "TIMEOUT"],
      ["b.txt", "failed", "TIMEOUT"],
    ]);
    expect(report.summary).toMatchObject({ filesScanned: 0, filesFailed: 2 });
  }, T);

  it("names a column by its number when the header row is itself data", async () => {
    const dir = makeShare({ "export.csv": "Jan;jan@example.nl\nPiet;piet@example.nl\nKees;kees@example.nl\n" });
    const report = await scan({ roots: [dir] });
    const file = report.files[0];
    expect(file.classification).toBe("generic");
    // Column 1 holds first names, column 2 e-mail addresses; the header row is data in both.
    expect(file.columns?.map((c) => [c.name, c.categories])).toEqual([["#1", ["name"]], ["#2", ["email"]]]);
    const bytes = JSON.stringify(report);
    expect(bytes).not.toContain("jan@example.nl");
    expect(bytes).not.toContain("piet@example.nl");
    expect(bytes).not.toContain("Piet");
  }, T);

  it("does not show a sheet name that is itself a person's name", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Jan de Vries").addRow(["E-mail", "Telefoon"]);
    wb.getWorksheet("Jan de Vries")!.addRow(["jan@example.nl", "06-12345678"]);
    wb.addWorksheet("Overzicht").addRow(["Totaal", 12]);
    const dir = makeShare({ "dossier.xlsx": Buffer.from(await wb.xlsx.writeBuffer()) });
    const report = await scan({ roots: [dir] });
    const file = report.files[0];
    expect(file.classification).toBe("generic");
    expect(file.columns?.map((c) => c.sheet)).toEqual(["sheet 1", "sheet 1"]);
    expect(file.findings.flatMap((f) => f.locations.map((l) => l.sheet))).toContain("sheet 1");
    expect(JSON.stringify(report)).not.toContain("Vries");
  }, T);

  it("counts bytes and classifications in the summary", async () => {
    const dir = makeShare({ "brief.txt": "Uw BSN is 111222333.\n", "leeg.txt": "", "mail.txt": "mail jan@example.nl\n" });
    const report = await scan({ roots: [dir], jobs: 2 });
    expect(report.summary).toMatchObject({
      filesScanned: 3, filesFailed: 0, filesSkipped: 0,
      byClassification: { none: 1, generic: 1, special: 1 },
      byCategory: { email: 1, bsn: 1 },
    });
    expect(report.summary.bytesScanned).toBe(21 + 20);
  }, T);
});
