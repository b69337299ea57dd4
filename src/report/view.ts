// What several human-facing formats (text, md, html, csv) derive from a report in the same
// way: a file's categories in order, where a finding is, and the folder a file is in.
import type { Category, FileReport, FindingLocation, ScanReport } from "../model/types.js";
import { CATEGORIES, CATEGORY_CLASSIFICATION, CLASSIFICATION_RANK } from "../model/types.js";
import { ERROR_LABEL, type Lang } from "./i18n.js";

/** Special categories first, then the order of the contract's category table. */
export function byClassificationThenTable(a: Category, b: Category): number {
  return CLASSIFICATION_RANK[CATEGORY_CLASSIFICATION[b]] - CLASSIFICATION_RANK[CATEGORY_CLASSIFICATION[a]] || CATEGORIES.indexOf(a) - CATEGORIES.indexOf(b);
}

/** The categories found in a file, special ones first. */
export function categoriesOf(file: FileReport): Category[] {
  return [...new Set(file.findings.map((f) => f.category))].sort(byClassificationThenTable);
}

/** The categories of the summary, special first, then by number of findings. */
export function summaryCategories(report: ScanReport): Category[] {
  const s = report.summary;
  return CATEGORIES.filter((c) => s.byCategory[c]).sort(
    (a, b) => CLASSIFICATION_RANK[CATEGORY_CLASSIFICATION[b]] - CLASSIFICATION_RANK[CATEGORY_CLASSIFICATION[a]] || (s.byCategory[b] ?? 0) - (s.byCategory[a] ?? 0),
  );
}

/** Number of files with at least one finding of `category`. */
export function filesWithCategory(report: ScanReport, category: Category): number {
  return report.files.filter((f) => f.findings.some((x) => x.category === category)).length;
}

/** The files with findings, special first, then by path. */
export function filesWithFindings(report: ScanReport): FileReport[] {
  return report.files
    .filter((f) => f.findings.length > 0)
    .sort((a, b) => CLASSIFICATION_RANK[b.classification] - CLASSIFICATION_RANK[a.classification] || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The human word for an error code ("beschadigd"), or the code itself. */
export function errorLabel(code: string, lang: Lang): string {
  return ERROR_LABEL[lang][code as keyof (typeof ERROR_LABEL)["nl"]] ?? code;
}

/** Number of values found in a file. */
export function valueCount(file: FileReport): number {
  return file.findings.reduce((n, f) => n + f.count, 0);
}

/** Up to `max` masked samples of a file, special findings first, each once. */
export function samplesOf(file: FileReport, max: number): string[] {
  const out: string[] = [];
  const findings = [...file.findings].sort((a, b) => byClassificationThenTable(a.category, b.category));
  for (const f of findings) {
    for (const s of f.samples) {
      if (out.length >= max) return out;
      if (!out.includes(s)) out.push(s);
    }
  }
  return out;
}

const LOC_WORDS: Record<Lang, { line: string; column: string; page: string; sheet: string; cell: string; row: string; field: string }> = {
  nl: { line: "regel", column: "kolom", page: "pagina", sheet: "blad", cell: "cel", row: "rij", field: "veld" },
  en: { line: "line", column: "column", page: "page", sheet: "sheet", cell: "cell", row: "row", field: "field" },
};

/** "blad Leden, cel C4", "regel 12, kolom 5", "pagina 2": the parts a location has. */
export function formatLocation(loc: FindingLocation, lang: Lang): string {
  const w = LOC_WORDS[lang];
  const parts: string[] = [];
  if (loc.page !== undefined) parts.push(`${w.page} ${loc.page}`);
  if (loc.sheet !== undefined) parts.push(`${w.sheet} ${loc.sheet}`);
  if (loc.cell !== undefined) parts.push(`${w.cell} ${loc.cell}`);
  else if (loc.row !== undefined) parts.push(`${w.row} ${loc.row}`);
  if (loc.field !== undefined) parts.push(`${w.field} ${loc.field}`);
  if (loc.line !== undefined) parts.push(`${w.line} ${loc.line}`);
  if (loc.column !== undefined && loc.cell === undefined) parts.push(`${w.column} ${loc.column}`);
  return parts.join(", ");
}

/**
 * The folder a file is in, as the report's paths give it ("hr", "exports/export-2024.zip" for
 * an archive member); "." for a file at the top of a root.
 */
export function folderOf(filePath: string): string {
  const bang = filePath.lastIndexOf("!/");
  const slash = filePath.lastIndexOf("/");
  if (bang >= 0 && slash === bang + 1) return filePath.slice(0, bang);
  return slash > 0 ? filePath.slice(0, slash) : ".";
}
