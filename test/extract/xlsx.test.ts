import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import yauzl from "yauzl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXTRACTORS, sniffSource } from "../../src/extract/index.js";
import { cellValueText } from "../../src/extract/xlsx.js";
import { collect, ctx, extractUnits, makeTempDir, removeDir, sourceFor, unitsOf } from "./helpers.js";

let dir: string;

function zipEntryNames(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: false }, (err, zip) => {
      if (err || !zip) return reject(err);
      const names: string[] = [];
      zip.on("entry", (e: yauzl.Entry) => names.push(e.fileName));
      zip.on("end", () => resolve(names));
      zip.on("error", reject);
    });
  });
}

beforeAll(async () => {
  dir = makeTempDir("xlsx");
  const wb = new ExcelJS.Workbook();
  const klanten = wb.addWorksheet("Klanten");
  klanten.addRow(["Naam", "E-mail", "Geboortedatum", "Telefoon", "Actief"]);
  klanten.addRow(["Jan Jansen", "jan@example.nl", new Date(Date.UTC(1980, 4, 17)), 31612345678, true]);
  klanten.addRow([{ richText: [{ text: "Piet " }, { text: "Puk" }] }, { formula: 'LOWER("PIET@EXAMPLE.NL")', result: "piet@example.nl" }, null, 0.5]);
  const notities = wb.addWorksheet("Notities 2024");
  notities.getCell("B3").value = "Bel mevrouw de Vries terug";
  notities.getCell("C5").value = 42;
  await wb.xlsx.writeFile(path.join(dir, "klanten.xlsx"));

  const buf = fs.readFileSync(path.join(dir, "klanten.xlsx"));
  fs.writeFileSync(path.join(dir, "truncated.xlsx"), buf.subarray(0, Math.floor(buf.length * 0.6)));
  const random = crypto.randomBytes(8192);
  random[0] = 0;
  fs.writeFileSync(path.join(dir, "random.xlsx"), random);
});
afterAll(() => removeDir(dir));

describe("xlsx extractor", () => {
  it("writes no temporary copy of a sheet, although the sheets come before the shared strings", async () => {
    // exceljs (like Excel) stores xl/worksheets/* before xl/sharedStrings.xml; its own streaming
    // reader would then park each sheet in a temp file: personal data left in /tmp.
    const names = await zipEntryNames(path.join(dir, "klanten.xlsx"));
    expect(names.indexOf("xl/worksheets/sheet1.xml")).toBeLessThan(names.indexOf("xl/sharedStrings.xml"));
    const tmp = makeTempDir("tmpdir-watch");
    const before = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      const units = await extractUnits(await sourceFor(dir, "klanten.xlsx"));
      expect(units.some((u) => u.text === "jan@example.nl")).toBe(true);
      expect(fs.readdirSync(tmp)).toEqual([]);
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
      removeDir(tmp);
    }
  });

  it("gives the sheets in workbook (tab) order with their names", async () => {
    const units = await extractUnits(await sourceFor(dir, "klanten.xlsx"));
    expect([...new Set(units.map((u) => u.loc.sheet))]).toEqual(["Klanten", "Notities 2024"]);
  });

  it("streams every sheet with sheet names, cell refs, headers and typed values", async () => {
    const units = await extractUnits(await sourceFor(dir, "klanten.xlsx"));
    const klanten = units.filter((u) => u.loc.sheet === "Klanten");
    expect(klanten.filter((u) => u.kind === "header").map((u) => u.text)).toEqual(["Naam", "E-mail", "Geboortedatum", "Telefoon", "Actief"]);
    expect(klanten[0]).toEqual({
      kind: "header",
      text: "Naam",
      loc: { sheet: "Klanten", cell: "A1" },
      table: { sheet: "Klanten", column: 0, header: "Naam" },
    });
    const data = klanten.filter((u) => u.kind === "cell").map((u) => `${u.loc.cell}|${u.table?.header}|${u.text}`);
    expect(data).toEqual([
      "A2|Naam|Jan Jansen",
      "B2|E-mail|jan@example.nl",
      "C2|Geboortedatum|1980-05-17",
      "D2|Telefoon|31612345678",
      "A3|Naam|Piet Puk",
      "B3|E-mail|piet@example.nl",
      "D3|Telefoon|0.5",
    ]);
    expect(klanten.find((u) => u.loc.cell === "C2")?.table).toEqual({ sheet: "Klanten", column: 2, header: "Geboortedatum" });

    const notities = units.filter((u) => u.loc.sheet === "Notities 2024");
    // a first row with a single text cell counts as header row by the heuristic
    expect(notities.map((u) => `${u.kind}|${u.loc.cell}|${u.text}`)).toEqual(["header|B3|Bel mevrouw de Vries terug", "cell|C5|42"]);
    expect(notities[1].table).toEqual({ sheet: "Notities 2024", column: 2 });
  });

  it("reports a truncated workbook as CORRUPT", async () => {
    const src = await sourceFor(dir, "truncated.xlsx");
    expect(sniffSource(src)).toEqual({ kind: "format", format: "xlsx" });
    const err = await collect(EXTRACTORS.xlsx.extract(src, ctx())).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "CORRUPT", status: "failed" });
    expect((err as Error).message).toMatch(/truncated or damaged \.xlsx/);
  });

  it("rejects random bytes named .xlsx in sniffing", async () => {
    const r = sniffSource(await sourceFor(dir, "random.xlsx"));
    expect(r).toMatchObject({ kind: "reject", code: "CORRUPT", status: "failed" });
  });

  it("reports a zip without workbook as CORRUPT", async () => {
    const { zipBuffer } = await import("./helpers.js");
    fs.writeFileSync(path.join(dir, "nobook.xlsx"), await zipBuffer([{ name: "hello.txt", data: "hi" }]));
    const err = await collect(EXTRACTORS.xlsx.extract(await sourceFor(dir, "nobook.xlsx"), ctx())).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "CORRUPT" });
    expect(unitsOf([])).toEqual([]);
  });
});

describe("cellValueText", () => {
  it("converts exceljs values", () => {
    expect(cellValueText(12345678901234)).toBe("12345678901234");
    expect(cellValueText(true)).toBeUndefined();
    expect(cellValueText({ error: "#N/A" })).toBeUndefined();
    expect(cellValueText({ text: "Mail Jan", hyperlink: "mailto:jan@example.nl" })).toBe("Mail Jan jan@example.nl");
    expect(cellValueText({ text: "jan@example.nl", hyperlink: "mailto:jan@example.nl" })).toBe("jan@example.nl");
    expect(cellValueText({ sharedFormula: "A1", result: 7 })).toBe("7");
    expect(cellValueText(new Date(Date.UTC(2001, 0, 2, 13, 0)))).toBe("2001-01-02");
  });
});
