// XLSX: exceljs' streaming parsers over the zip parts read in the right order, one unit per
// non-empty cell, every sheet.
import { Readable } from "node:stream";
import type yauzl from "yauzl";
import ExcelJS from "exceljs";
import type { ExtractContext, ExtractItem, Extractor, Source } from "./types.js";
import { ExtractError } from "./types.js";
import { toExtractError } from "./errors.js";
import { isHeaderRow, numberText } from "./table.js";
import { unitItem } from "./units.js";
import { decodeName, nextEntry, openZip, type Entry } from "./zip.js";

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

const SHEET_PART = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/** The parts of exceljs' WorkbookReader (4.4.0) that readWorkbook drives; see there for why. */
interface ReaderInternals {
  model?: { sheets?: Array<{ id?: number; name?: string; rId?: string }> };
  workbookRels?: Array<{ Id?: string; Target?: string }>;
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<{ eventType: string; value: unknown }>;
}

/**
 * The sheets in workbook order (the tab order a person sees), each with its part in the zip
 * and its name; sheet parts that workbook.xml does not list come last, named by number.
 */
function sheetsInOrder(reader: ReaderInternals, partNames: Iterable<string>): { part: string; sheetNo: string; name: string }[] {
  const sheetParts = [...partNames].filter((name) => SHEET_PART.test(name));
  const result: { part: string; sheetNo: string; name: string }[] = [];
  const taken = new Set<string>();
  for (const sheet of reader.model?.sheets ?? []) {
    const target = (reader.workbookRels ?? []).find((r) => r.Id === sheet.rId)?.Target;
    if (!target) continue;
    const part = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
    if (!sheetParts.includes(part) || taken.has(part)) continue;
    taken.add(part);
    result.push({ part, sheetNo: SHEET_PART.exec(part)![1], name: sheet.name || `Sheet${result.length + 1}` });
  }
  const rest = sheetParts.filter((p) => !taken.has(p)).sort((a, b) => Number(SHEET_PART.exec(a)![1]) - Number(SHEET_PART.exec(b)![1]));
  for (const part of rest) {
    const sheetNo = SHEET_PART.exec(part)![1];
    result.push({ part, sheetNo, name: `Sheet${sheetNo}` });
  }
  return result;
}

function openEntry(zip: yauzl.ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => (err || !stream ? reject(err ?? new Error("cannot read part")) : resolve(stream)));
  });
}

/**
 * Yields the workbook's sheets as exceljs WorksheetReaders, with shared strings and styles
 * read first. exceljs' own streaming reader takes the zip parts in file order, and Excel
 * (like exceljs itself) stores the sheets before sharedStrings.xml: the reader then writes
 * every sheet to a temporary file to come back to it. A scanner of personal data must not
 * leave copies of it in /tmp, so the parts are read by random access (yauzl) in the order
 * the parser needs, and handed to the same exceljs parsers. Memory stays flat: rows stream.
 */
async function* readWorkbook(source: Source, ctx: ExtractContext): AsyncGenerator<{ sheet: string; worksheet: AsyncIterable<ExcelJS.Row> }> {
  const zip = await openZip(source, ctx);
  zip.on("error", () => undefined);
  try {
    const parts = new Map<string, Entry>();
    for (let e = await nextEntry(zip); e; e = await nextEntry(zip)) parts.set(decodeName(e), e);
    if (!parts.has("xl/workbook.xml")) {
      throw new ExtractError("CORRUPT", "not a valid XLSX file: no workbook part (xl/workbook.xml) found");
    }
    const sharedStrings = parts.get("xl/sharedStrings.xml");
    if (sharedStrings && sharedStrings.uncompressedSize > ctx.limits.maxFileSize) {
      throw new ExtractError("TOO_LARGE", `shared strings of ${sharedStrings.uncompressedSize} bytes exceed the file size limit`, "skipped");
    }
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), WORKBOOK_READER_OPTIONS) as unknown as ReaderInternals;
    const rels = parts.get("xl/_rels/workbook.xml.rels");
    if (rels) await reader._parseRels(await openEntry(zip, rels));
    await reader._parseWorkbook(await openEntry(zip, parts.get("xl/workbook.xml")!));
    const styles = parts.get("xl/styles.xml");
    if (styles) await reader._parseStyles(await openEntry(zip, styles));
    if (sharedStrings) for await (const _ of reader._parseSharedStrings(await openEntry(zip, sharedStrings)));

    for (const { part, sheetNo, name } of sheetsInOrder(reader, parts.keys())) {
      const stream = await openEntry(zip, parts.get(part)!);
      for (const event of reader._parseWorksheet(stream, sheetNo)) {
        if (event.eventType === "worksheet") yield { sheet: name, worksheet: event.value as AsyncIterable<ExcelJS.Row> };
      }
      stream.destroy();
    }
  } finally {
    zip.close();
  }
}

interface RowCell {
  col: number;
  address: string;
  text: string;
}

export const xlsxExtractor: Extractor = {
  format: "xlsx",
  async *extract(source: Source, ctx: ExtractContext): AsyncGenerator<ExtractItem> {
    try {
      for await (const { sheet, worksheet } of readWorkbook(source, ctx)) {
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
      throw toExtractError(err, "truncated or damaged .xlsx");
    }
  },
};
