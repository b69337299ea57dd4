// XLSX: exceljs's streaming WorkbookReader, one unit per non-empty cell, every sheet.
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import type { ExtractItem, Extractor, Source } from "./types.js";
import { ExtractError } from "./types.js";
import { toExtractError } from "./errors.js";
import { isHeaderRow, numberText } from "./table.js";
import { unitItem } from "./units.js";

/**
 * Options of the WorkbookReader. Styles are cached (not ignored): exceljs only knows a number
 * cell is a date through its number format, and styles.xml is small.
 */
export const WORKBOOK_READER_OPTIONS = {
  entries: "emit",
  sharedStrings: "cache",
  hyperlinks: "ignore",
  styles: "cache",
  worksheets: "emit",
} as const;

function mailtoTarget(href: string): string | undefined {
  const m = /^(mailto|tel):([^?]*)/i.exec(href.trim());
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[2]).trim() || undefined;
  } catch {
    return m[2].trim() || undefined;
  }
}

/** The text of an exceljs cell value; undefined for empty, boolean and error cells. */
export function cellValueText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number") return numberText(value);
  if (typeof value === "boolean") return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) {
      return (v.richText as Array<{ text?: unknown }>).map((r) => (typeof r.text === "string" ? r.text : "")).join("");
    }
    if ("formula" in v || "sharedFormula" in v) return cellValueText(v.result);
    if ("error" in v) return undefined;
    if ("hyperlink" in v || "text" in v) {
      const text = cellValueText(v.text) ?? "";
      const target = typeof v.hyperlink === "string" ? mailtoTarget(v.hyperlink) : undefined;
      if (target && !text.includes(target)) return text ? `${text} ${target}` : target;
      return text || undefined;
    }
  }
  return undefined;
}

interface ReaderInternals {
  model?: { sheets?: Array<{ id?: number; name?: string; rId?: string }> };
  workbookRels?: Array<{ Id?: string; Target?: string }>;
}

/** The sheet's name from workbook.xml (matching relationship targets more loosely than exceljs). */
function sheetName(reader: ReaderInternals, worksheet: { name?: unknown }, sheetNo: string | undefined, ordinal: number): string {
  if (sheetNo !== undefined) {
    const wanted = `worksheets/sheet${sheetNo}.xml`;
    const rel = (reader.workbookRels ?? []).find((r) => (r.Target ?? "").replace(/^\/?(?:xl\/)?/, "") === wanted);
    const sheet = rel && (reader.model?.sheets ?? []).find((s) => s.rId === rel.Id);
    if (sheet?.name) return sheet.name;
  }
  if (typeof worksheet.name === "string" && worksheet.name) return worksheet.name;
  return `Sheet${sheetNo ?? ordinal}`;
}

interface RowCell {
  col: number;
  address: string;
  text: string;
}

export const xlsxExtractor: Extractor = {
  format: "xlsx",
  async *extract(source: Source): AsyncGenerator<ExtractItem> {
    // exceljs pipes its input into an unzipper without forwarding input errors, so a read
    // error would hang the reader: feed it through a PassThrough that is ended on an input
    // error (the unzipper then fails or ends) and report the input error itself.
    const input = source.stream();
    const feed = new PassThrough();
    let inputError: unknown;
    input.on("error", (err) => {
      inputError = err;
      input.unpipe(feed);
      feed.end();
    });
    input.pipe(feed);
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(feed, WORKBOOK_READER_OPTIONS);
    let sawWorkbook = false;
    let currentSheetNo: string | undefined;
    (reader as unknown as NodeJS.EventEmitter).on("entry", (entry: { type?: string; id?: unknown }) => {
      if (entry.type === "workbook") sawWorkbook = true;
      if (entry.type === "worksheet") currentSheetNo = String(entry.id);
    });
    let sheets = 0;
    try {
      for await (const worksheet of reader) {
        sheets++;
        const sheet = sheetName(reader as unknown as ReaderInternals, worksheet as { name?: unknown }, currentSheetNo, sheets);
        let headerDecided = false;
        let headers: Map<number, string> | undefined;
        for await (const row of worksheet) {
          const cells: RowCell[] = [];
          row.eachCell({ includeEmpty: false }, (cell, col) => {
            const text = cellValueText(cell.value)?.trim();
            if (text) cells.push({ col, address: cell.address, text });
          });
          if (cells.length === 0) continue;
          if (!headerDecided) {
            headerDecided = true;
            const first = cells[0].col;
            const last = cells[cells.length - 1].col;
            const span: string[] = new Array<string>(last - first + 1).fill("");
            for (const c of cells) span[c.col - first] = c.text;
            if (isHeaderRow(span)) {
              headers = new Map();
              for (const c of cells) {
                headers.set(c.col, c.text);
                const item = unitItem("header", c.text, { sheet, cell: c.address }, { sheet, column: c.col - 1, header: c.text });
                if (item) yield item;
              }
              continue;
            }
          }
          for (const c of cells) {
            const header = headers?.get(c.col);
            const table = header === undefined ? { sheet, column: c.col - 1 } : { sheet, column: c.col - 1, header };
            const item = unitItem("cell", c.text, { sheet, cell: c.address }, table);
            if (item) yield item;
          }
        }
      }
    } catch (err) {
      if (err instanceof ExtractError) throw err;
      throw toExtractError(inputError ?? err, "truncated or damaged .xlsx");
    } finally {
      input.destroy();
      feed.destroy();
    }
    if (inputError) throw toExtractError(inputError, "truncated or damaged .xlsx");
    if (!sawWorkbook && sheets === 0) {
      throw new ExtractError("CORRUPT", "not a valid XLSX file: no workbook part (xl/workbook.xml) found");
    }
  },
};
