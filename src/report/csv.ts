// One row per finding, for Excel: Dutch headers and ';' as separator by default (what a Dutch
// Excel expects), English headers and ',' with --lang en. A file that failed or was skipped
// without findings still gets a row, so the sheet shows every file that holds or may hold
// personal data. Written by csv-stringify; a UTF-8 byte order mark makes Excel read the
// accents right, and a cell that starts like a formula (= + - @) gets a leading apostrophe
// so a masked "+31*******78" or a hostile file name is never run as a formula.
import { stringify } from "csv-stringify/sync";
import type { FileReport, Finding, ScanReport } from "../model/types.js";
import { CATEGORY_LABEL, CLASSIFICATION_LABEL, DOC_TEXT } from "./i18n.js";
import type { Reporter, RenderContext } from "./types.js";
import { byClassificationThenTable, formatLocation } from "./view.js";

const MAX_LOCATIONS = 20;

/** Excel and LibreOffice evaluate a cell that starts with one of these (OWASP "CSV injection"). */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function renderCsv(report: ScanReport, ctx: RenderContext): string {
  const t = DOC_TEXT[ctx.lang];
  const cls = CLASSIFICATION_LABEL[ctx.lang];
  const cat = CATEGORY_LABEL[ctx.lang];
  const header = [t.path, t.format, t.status, t.fileClassification, t.rule, t.category, t.classification, t.confidence, t.count, t.locations, t.samples, t.notes, t.code, t.message];
  const rows: string[][] = [];
  const fileCells = (f: FileReport) => [f.path, f.format, t[`status_${f.status}`], cls[f.classification]];
  const errorCells = (f: FileReport) => [f.error?.code ?? "", f.error?.message ?? ""];
  for (const file of report.files) {
    const findings: Finding[] = [...file.findings].sort((a, b) => byClassificationThenTable(a.category, b.category) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
    if (findings.length === 0) {
      if (file.status !== "scanned") rows.push([...fileCells(file), "", "", "", "", "", "", "", "", ...errorCells(file)]);
      continue;
    }
    for (const f of findings) {
      const shown = f.locations.slice(0, MAX_LOCATIONS).map((l) => formatLocation(l, ctx.lang));
      if (f.count > shown.length && shown.length) shown.push("…");
      rows.push([
        ...fileCells(file),
        f.ruleId,
        cat[f.category],
        cls[f.classification],
        t[`confidence_${f.confidence}`],
        String(f.count),
        shown.join(" | "),
        f.samples.join(" | "),
        (f.notes ?? []).join(" | "),
        ...errorCells(file),
      ]);
    }
  }
  const body = stringify([header, ...rows].map((r) => r.map(neutralizeFormula)), {
    delimiter: ctx.lang === "nl" ? ";" : ",",
    record_delimiter: "windows",
    quoted_match: /[;,"\r\n]/,
  });
  return `\uFEFF${body}`;
}

export const csvReporter: Reporter = { id: "csv", extension: ".csv", render: renderCsv };
