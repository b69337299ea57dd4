// The consultant's deliverables end to end through the built CLI (issue #4's "done when"):
// scan → JSON → register (xlsx, yaml, md) and report (html, md, csv); the register names the
// fixtures' data subjects and categories, a second run keeps a hand-filled purpose, and no
// output format holds a raw value the fixture script planted.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import yauzl from "yauzl";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import type { ScanReport } from "../../src/model/types.js";
import { REPO, runCli } from "./cli.js";

const T = 120_000;
const expected: { planted: { path: string; category: string; value: string }[] } = JSON.parse(
  readFileSync(path.join(REPO, "fixtures/expected/expected.json"), "utf8"),
);
const out = mkdtempSync(path.join(tmpdir(), "avg-deliv-"));
const reportFile = path.join(out, "r.json");
let report: ScanReport;

/** Every text part of an xlsx (shared strings, sheets), unzipped. */
async function xlsxText(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      let text = "";
      zip.on("entry", (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          stream.on("data", (d: Buffer) => (text += d.toString("utf8")));
          stream.on("end", () => zip.readEntry());
        });
      });
      zip.on("end", () => resolve(text));
      zip.readEntry();
    });
  });
}

function expectNoPlanted(text: string, what: string): void {
  for (const p of expected.planted) {
    expect(text.includes(p.value), `${p.category} from ${p.path} in ${what}`).toBe(false);
    const compact = p.value.replace(/[\s.\-/]/g, "");
    if (compact.length >= 6) expect(text.includes(compact), `${p.category} (compact) from ${p.path} in ${what}`).toBe(false);
  }
}

beforeAll(() => {
  const r = runCli(["scan", "fixtures", "--format", "json", "-o", reportFile, "--quiet"]);
  if (r.status !== 0) throw new Error(`scan failed: ${r.stderr}`);
  report = JSON.parse(readFileSync(reportFile, "utf8"));
}, T);

describe("avg-scan register r.json -o reg.xlsx", () => {
  const xlsx = path.join(out, "reg.xlsx");
  let rows: Map<string, Record<string, string>>;
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    const r = runCli(["register", reportFile, "-o", xlsx]);
    if (r.status !== 0) throw new Error(`register failed: ${r.stderr}`);
    expect(r.stderr).toMatch(/Register: 9 verwerkingen \(9 nieuw/);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.getWorksheet("Verwerkingsregister")!;
    const header = (ws.getRow(1).values as string[]).slice(1);
    rows = new Map();
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const values = (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? "" : String(v)));
      const rec = Object.fromEntries(header.map((h, i) => [h, values[i] ?? ""]));
      rows.set(rec.ID, rec);
    });
  }, T);

  it("has one entry per data store: datasets on their own, documents by folder", () => {
    expect([...rows.keys()]).toEqual([
      "file:crm/crm-contacts.json",
      "file:crm/events.ndjson",
      "file:crm/leden.csv",
      "file:exports/export-2024.zip!/leden-export.csv",
      "file:exports/export-2024.zip!/nested/adressen.zip!/adressen.csv",
      "file:financien/donateurs.xlsx",
      "folder:financien",
      "folder:hr",
      "folder:web",
    ]);
    expect(rows.get("folder:hr")!["Bronlocaties"].split("\n")).toEqual([
      "hr/brief-uwv.docx",
      "hr/kopie-paspoort-medewerker-0042.jpg",
      "hr/vog-aanvraag.txt",
    ]);
    expect(rows.get("folder:hr")!["Aantal bestanden"]).toBe("3");
  });

  it("names the data subjects the folder, file and column names point at", () => {
    const subjects = (id: string) => rows.get(id)!["Categorieën betrokkenen"];
    expect(subjects("file:crm/leden.csv")).toBe("[voorstel] leden");
    expect(subjects("file:exports/export-2024.zip!/leden-export.csv")).toBe("[voorstel] leden");
    expect(subjects("file:financien/donateurs.xlsx")).toBe("[voorstel] donateurs");
    expect(subjects("folder:hr")).toBe("[voorstel] medewerkers");
    expect(subjects("folder:financien")).toBe("[voorstel] klanten");
    expect(subjects("folder:web")).toBe("[voorstel] websitebezoekers");
    expect(subjects("file:crm/events.ndjson")).toBe("[voorstel] websitebezoekers");
  });

  it("lists the categories found, special ones apart with the article that allows them", () => {
    const hr = rows.get("folder:hr")!;
    const special = hr["Bijzondere en gevoelige gegevens"];
    for (const c of ["BSN", "identiteitsdocument", "gezondheid", "strafrechtelijke gegevens"]) expect(special).toContain(c);
    expect(hr["Uitzondering / grondslag bijzondere gegevens"]).toMatch(/art\. 9 lid 2 AVG.*gezondheid/);
    expect(hr["Uitzondering / grondslag bijzondere gegevens"]).toContain("art. 46 UAVG");
    expect(hr["Uitzondering / grondslag bijzondere gegevens"]).toContain("art. 10 AVG");
    expect(hr["DPIA aangewezen?"]).toMatch(/^ja: nationaal identificatienummer/);
    const leden = rows.get("file:crm/leden.csv")!;
    expect(leden["Categorieën persoonsgegevens"].split("\n")).toEqual([
      "naam (kolommen Voornaam, Achternaam)",
      "e-mailadres (kolom E-mail)",
      "telefoonnummer (kolom Telefoon)",
      "postcode (kolom Postcode)",
      "geboortedatum (kolom Geboortedatum)",
      "IBAN (kolom IBAN)",
    ]);
    expect(leden["Bijzondere en gevoelige gegevens"]).toBe("");
    expect(leden["DPIA aangewezen?"]).toBe("geen aanwijzing uit de scan");
    expect(leden["Bewaartermijn"]).toContain("7 jaar (art. 52 AWR)");
    expect(rows.get("file:exports/export-2024.zip!/leden-export.csv")!["Bijzondere en gevoelige gegevens"]).toBe("BSN (kolom BSN)");
  });

  it("is a workbook to hand over: frozen header, sized columns, highlights, legend, the unread files", () => {
    const ws = wb.getWorksheet("Verwerkingsregister")!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1, xSplit: 2 });
    expect(ws.getColumn(1).width).toBe(34);
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.autoFilter).toBeTruthy();
    const hrRow = [...Array(ws.rowCount).keys()].map((i) => ws.getRow(i + 1)).find((r) => r.getCell(1).value === "folder:hr")!;
    const specialCol = (ws.getRow(1).values as string[]).indexOf("Bijzondere en gevoelige gegevens");
    expect((hrRow.getCell(specialCol).fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFF8D7DA");
    const purposeCol = (ws.getRow(1).values as string[]).indexOf("Doeleinden");
    expect((hrRow.getCell(purposeCol).fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFF2CC");
    const basisCol = (ws.getRow(1).values as string[]).indexOf("Rechtsgrond (art. 6)");
    expect(hrRow.getCell(basisCol).dataValidation?.formulae?.[0]).toContain("gerechtvaardigd belang (f)");
    const legend = wb.getWorksheet("Legenda")!;
    const legendText = legend.getSheetValues().flat().join(" ");
    expect(legendText).toContain("[voorstel]");
    expect(legendText).toContain("art. 30 lid 1 sub f");
    const unread = wb.getWorksheet("Niet gescand")!;
    const unreadPaths = unread.getColumn(1).values.slice(2);
    expect(unreadPaths).toEqual(["kapot/afgebroken.docx", "kapot/beveiligd.pdf", "kapot/corrupt.xlsx", "kapot/zipbom.zip!/data.csv"]);
  });

  it("holds no raw value", async () => {
    expectNoPlanted(await xlsxText(xlsx), "reg.xlsx");
  });

  it("keeps a hand-filled purpose on a second run and updates the found facts", async () => {
    const ws = wb.getWorksheet("Verwerkingsregister")!;
    const purposeCol = (ws.getRow(1).values as string[]).indexOf("Doeleinden");
    const statusCol = (ws.getRow(1).values as string[]).indexOf("Status");
    ws.eachRow((row) => {
      if (row.getCell(1).value === "file:crm/leden.csv") row.getCell(purposeCol).value = "Ledenadministratie en inning van contributie";
    });
    await wb.xlsx.writeFile(xlsx);

    const r = runCli(["register", reportFile, "-o", xlsx]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("0 nieuw, 9 gevonden, 0 niet meer gevonden); 1 ingevulde velden behouden");
    const again = new ExcelJS.Workbook();
    await again.xlsx.readFile(xlsx);
    const ws2 = again.getWorksheet("Verwerkingsregister")!;
    let purpose = "";
    let status = "";
    let other = "";
    ws2.eachRow((row) => {
      if (row.getCell(1).value === "file:crm/leden.csv") {
        purpose = String(row.getCell(purposeCol).value);
        status = String(row.getCell(statusCol).value);
      }
      if (row.getCell(1).value === "folder:hr") other = String(row.getCell(purposeCol).value);
    });
    expect(purpose).toBe("Ledenadministratie en inning van contributie");
    expect(status).toBe("gevonden");
    expect(other).toMatch(/^\[in te vullen\]/);
  }, T);

  it("marks an entry whose data is gone instead of deleting it", () => {
    const fewer: ScanReport = { ...report, files: report.files.filter((f) => !f.path.startsWith("web/")) };
    const fewerFile = path.join(out, "fewer.json");
    writeFileSync(fewerFile, JSON.stringify(fewer));
    const yamlFile = path.join(out, "reg.yaml");
    expect(runCli(["register", reportFile, "-o", yamlFile, "-q"]).status).toBe(0);
    const text = readFileSync(yamlFile, "utf8").replace('doeleinden: "[in te vullen] welke doelen dient deze verwerking?"', "doeleinden: Contactformulier");
    writeFileSync(yamlFile, text);
    const r = runCli(["register", fewerFile, "-o", yamlFile]);
    expect(r.stderr).toContain("(0 nieuw, 8 gevonden, 1 niet meer gevonden)");
    const doc = parse(readFileSync(yamlFile, "utf8"));
    const web = doc.verwerkingen.find((e: { id: string }) => e.id === "folder:web");
    expect(web.status).toMatch(/^niet meer gevonden sinds scan \d{4}-\d{2}-\d{2}$/);
    expect(web.bronlocaties).toEqual(["web/contact.html"]);
    // The first entry had its purpose replaced by the edit above; it is kept.
    const first = doc.verwerkingen.find((e: { id: string }) => e.id === "file:crm/crm-contacts.json");
    expect(first.doeleinden).toBe("Contactformulier");
  }, T);
});

describe("avg-scan register: YAML, Markdown, English, config", () => {
  it("writes YAML and Markdown with the same entries, in English with --lang en", () => {
    const y = runCli(["register", reportFile, "--lang", "en", "-q"]);
    expect(y.status).toBe(0);
    const doc = parse(y.stdout);
    expect(doc.processing.map((e: { id: string }) => e.id)).toHaveLength(9);
    const hr = doc.processing.find((e: { id: string }) => e.id === "folder:hr");
    expect(hr.dataSubjects).toEqual(["[suggested] employees"]);
    expect(hr.specialCategories.join(" ")).toContain("health");
    const mdFile = path.join(out, "reg.md");
    expect(runCli(["register", reportFile, "-o", mdFile, "-q"]).status).toBe(0);
    const md = readFileSync(mdFile, "utf8");
    expect(md).toContain("# Concept-verwerkingsregister (art. 30 AVG)");
    expect(md).toContain("## Personeelsadministratie — map hr");
    expect(md).toContain("## Niet gescande bestanden");
    expectNoPlanted(md, "reg.md");
    expectNoPlanted(y.stdout, "reg.yaml");
  }, T);

  it("takes the controller and retention table from the config file; a wrong key is a clear error", () => {
    const cfg = path.join(out, "avg-scan.config.yaml");
    writeFileSync(cfg, "controller:\n  name: Stichting Voorbeeld\n  contact: privacy@voorbeeld.nl\n  dpo: J. Jansen\nretention:\n  leden: 2 jaar na einde lidmaatschap\n");
    const r = runCli(["register", reportFile, "--config", cfg, "-q"]);
    expect(r.status).toBe(0);
    const leden = parse(r.stdout).verwerkingen.find((e: { id: string }) => e.id === "file:crm/leden.csv");
    expect(leden.verwerkingsverantwoordelijke).toBe("Stichting Voorbeeld");
    expect(leden.contactgegevens).toBe("privacy@voorbeeld.nl; FG: J. Jansen");
    expect(leden.bewaartermijn).toMatch(/^\[voorstel\] 2 jaar na einde lidmaatschap/);
    writeFileSync(cfg, "controler:\n  name: X\n");
    const bad = runCli(["register", reportFile, "--config", cfg]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown key "controler"');
  }, T);

  it("scans paths itself when not given a report", () => {
    const r = runCli(["register", "fixtures/hr", "-q"]);
    expect(r.status).toBe(0);
    expect(parse(r.stdout).verwerkingen.map((e: { id: string }) => e.id)).toEqual(["folder:."]);
  }, T);

  it("refuses a file that is not a report or a register, with exit 2", () => {
    const notReport = path.join(out, "x.json");
    writeFileSync(notReport, '{"schemaVersion": 7}');
    const r = runCli(["register", notReport]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("is not an avg-scan JSON report");
    const r2 = runCli(["register", reportFile, "-o", path.join(out, "reg.txt")]);
    expect(r2.status).toBe(2);
    expect(r2.stderr).toContain(".yaml, .md or .xlsx");
  }, T);
});

describe("avg-scan report r.json --format html|md|csv", () => {
  it("renders every format from the saved report, in Dutch and English, without raw values", () => {
    for (const format of ["html", "md", "csv", "text", "json"]) {
      for (const lang of ["nl", "en"]) {
        const file = path.join(out, `r-${lang}.${format}`);
        const r = runCli(["report", reportFile, "--format", format, "--lang", lang, "-o", file]);
        expect(r.status, `${format} ${lang}: ${r.stderr}`).toBe(0);
        expectNoPlanted(readFileSync(file, "utf8"), `${format} (${lang})`);
      }
    }
    expect(readFileSync(path.join(out, "r-nl.md"), "utf8")).toContain("# Scanrapport persoonsgegevens");
    expect(readFileSync(path.join(out, "r-en.md"), "utf8")).toContain("# Personal data scan report");
    const csv = readFileSync(path.join(out, "r-nl.csv"), "utf8");
    expect(csv.startsWith("\uFEFFPad;Formaat;Status;")).toBe(true);
    expect(readFileSync(path.join(out, "r-en.csv"), "utf8").startsWith("\uFEFFPath,Format,Status,")).toBe(true);
  }, T);

  it("renders JSON back byte for byte: report reads what scan wrote and loses nothing", () => {
    const r = runCli(["report", reportFile, "-f", "json"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(reportFile, "utf8"));
  }, T);
});
