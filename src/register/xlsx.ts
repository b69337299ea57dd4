// The register as a workbook a consultant can hand over: one row per entry, the header row
// frozen (and the id and name columns), columns sized, values still to complete in yellow,
// special categories in red, entries whose data is gone in grey; a legend sheet explains
// it, and a sheet lists the files that could not be scanned. Read back for the merge.
import ExcelJS from "exceljs";
import type { Lang } from "../report/i18n.js";
import type { RegisterDraft } from "./build.js";
import { FIELDS, fieldByName, isUnconfirmed, LEGAL_BASES, MARKERS, type FieldValue, type RegisterEntry } from "./fields.js";
import { isGoneStatus } from "./merge.js";
import { REGISTER_TEXT, RegisterInputError } from "./render.js";

const SHEETS: Record<Lang, { register: string; legend: string; unreadable: string }> = {
  nl: { register: "Verwerkingsregister", legend: "Legenda", unreadable: "Niet gescand" },
  en: { register: "Register", legend: "Legend", unreadable: "Not scanned" },
};

const LEGEND: Record<Lang, { title: string; markers: string; colours: string; fields: string; bases: string; yellow: string; red: string; grey: string; explain: Record<keyof (typeof MARKERS)["nl"], string> }> = {
  nl: {
    title: REGISTER_TEXT.nl.title,
    markers: "Markeringen",
    colours: "Kleuren",
    fields: "Velden",
    bases: "Rechtsgronden (art. 6 lid 1 AVG)",
    yellow: "nog in te vullen of te bevestigen",
    red: "bijzondere of gevoelige persoonsgegevens gevonden",
    grey: "gegevens niet meer gevonden bij de laatste scan",
    explain: {
      suggested: "voorstel van avg-scan: controleer, pas aan en haal de markering weg",
      complete: "door een mens in te vullen",
      choose: "kies een van de genoemde mogelijkheden",
      na: "niet van toepassing volgens de scan",
    },
  },
  en: {
    title: REGISTER_TEXT.en.title,
    markers: "Markers",
    colours: "Colours",
    fields: "Fields",
    bases: "Legal bases (Art. 6(1) GDPR)",
    yellow: "still to complete or confirm",
    red: "special or sensitive personal data found",
    grey: "data no longer found in the latest scan",
    explain: {
      suggested: "suggested by avg-scan: check, adjust and remove the marker",
      complete: "for a person to fill in",
      choose: "choose one of the options given",
      na: "not applicable according to the scan",
    },
  },
};

const FILL = (argb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });
const YELLOW = FILL("FFFFF2CC");
const RED = FILL("FFF8D7DA");
const HEADER = FILL("FF1F3864");

const cellText = (v: FieldValue | undefined) => (v === undefined ? "" : Array.isArray(v) ? v.join("\n") : v);

export async function renderXlsx(draft: RegisterDraft): Promise<Buffer> {
  const lang = draft.lang;
  const names = SHEETS[lang];
  const wb = new ExcelJS.Workbook();
  wb.creator = "avg-scan";
  wb.created = wb.modified = new Date(`${draft.scanDate}T00:00:00Z`);
  wb.title = REGISTER_TEXT[lang].title;

  const ws = wb.addWorksheet(names.register, { views: [{ state: "frozen", xSplit: 2, ySplit: 1 }] });
  ws.columns = FIELDS.map((f) => ({ header: f.label[lang], key: f.id, width: f.width }));
  const head = ws.getRow(1);
  head.font = { bold: true, color: { argb: "FFFFFFFF" } };
  head.alignment = { vertical: "middle", wrapText: true };
  head.height = 32;
  head.eachCell((c) => (c.fill = HEADER));

  for (const e of draft.entries) {
    const row = ws.addRow(Object.fromEntries(FIELDS.map((f) => [f.id, cellText(e[f.id])])));
    row.alignment = { vertical: "top", wrapText: true };
    const gone = isGoneStatus(e.status);
    FIELDS.forEach((f, i) => {
      const cell = row.getCell(i + 1);
      if (gone) cell.font = { italic: true, color: { argb: "FF808080" } };
      if (f.kind === "person" && isUnconfirmed(e[f.id]) && cellText(e[f.id]) !== "") cell.fill = YELLOW;
      if (f.id === "specialCategories" && cellText(e[f.id]) !== "") {
        cell.fill = RED;
        cell.font = { bold: true, color: { argb: "FF9C0006" } };
      }
      if (f.id === "legalBasis") {
        cell.dataValidation = {
          type: "list",
          allowBlank: true,
          showErrorMessage: true,
          errorStyle: "warning",
          formulae: [`"${LEGAL_BASES[lang].join(",")}"`],
        };
      }
    });
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + draft.entries.length, column: FIELDS.length } };

  const legend = wb.addWorksheet(names.legend);
  legend.columns = [{ width: 34 }, { width: 100 }];
  const L = LEGEND[lang];
  const section = (title: string) => {
    legend.addRow([]);
    legend.addRow([title]).font = { bold: true, size: 12 };
  };
  legend.addRow([L.title]).font = { bold: true, size: 14 };
  for (const line of REGISTER_TEXT[lang].intro.join(" ").split(/(?<=\.) /)) legend.addRow(["", line]);
  section(L.markers);
  for (const [k, marker] of Object.entries(MARKERS[lang])) legend.addRow([marker, L.explain[k as keyof typeof L.explain]]);
  section(L.colours);
  legend.addRow(["", L.yellow]).getCell(1).fill = YELLOW;
  legend.addRow(["", L.red]).getCell(1).fill = RED;
  const grey = legend.addRow(["", L.grey]);
  grey.getCell(2).font = { italic: true, color: { argb: "FF808080" } };
  section(L.fields);
  for (const f of FIELDS) legend.addRow([f.label[lang], f.help[lang]]);
  section(L.bases);
  for (const b of LEGAL_BASES[lang]) legend.addRow(["", b]);
  legend.eachRow((r) => (r.alignment = { vertical: "top", wrapText: true }));

  if (draft.unreadable.length) {
    const t = REGISTER_TEXT[lang];
    const un = wb.addWorksheet(names.unreadable, { views: [{ state: "frozen", ySplit: 1 }] });
    un.columns = [
      { header: t.path, key: "path", width: 50 },
      { header: t.status, key: "status", width: 12 },
      { header: t.code, key: "code", width: 14 },
      { header: t.message, key: "message", width: 80 },
    ];
    un.getRow(1).font = { bold: true };
    for (const u of draft.unreadable) un.addRow(u);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function textOf(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && "richText" in v) return v.richText.map((r) => r.text).join("");
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return cell.text ?? String(v);
}

/** Entries of a register workbook (either language): the first sheet whose header has an id column. */
export async function readXlsxEntries(file: string): Promise<RegisterEntry[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (err) {
    throw new RegisterInputError(`${file}: not a readable workbook: ${(err as Error).message}`);
  }
  for (const ws of wb.worksheets) {
    const header = ws.getRow(1);
    const columns = new Map<number, ReturnType<typeof fieldByName>>();
    header.eachCell((cell, col) => {
      const f = fieldByName(textOf(cell));
      if (f) columns.set(col, f);
    });
    if (![...columns.values()].some((f) => f?.id === "id")) continue;
    const entries: RegisterEntry[] = [];
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const entry: Record<string, FieldValue> = {};
      for (const [col, f] of columns) {
        if (!f) continue;
        const text = textOf(row.getCell(col)).replace(/\r\n/g, "\n");
        entry[f.id] = f.list ? text.split("\n").map((s) => s.trim()).filter(Boolean) : text;
      }
      if (typeof entry.id === "string" && entry.id.trim() !== "") entries.push({ ...entry, id: entry.id.trim() } as RegisterEntry);
    });
    return entries;
  }
  throw new RegisterInputError(`${file}: no sheet with an ID column: not an avg-scan register`);
}
