// One file through extract → detect → classify → aggregate, inside a worker thread.
// Archives recurse: every member becomes an entry of its own. Whatever goes wrong with a
// file becomes its entry's error; nothing thrown here escapes to the rest of the scan.
import type { ErrorCode, FileReport, TextUnit } from "../model/types.js";
import { CellCache, detectInUnit, HeaderHints } from "../detect/engine.js";
import { nameFindings, withFindings, withNameFindings, type NameScanOptions } from "./name-findings.js";
import { sanitizeMessage } from "../aggregate/mask.js";
import { errorEntry as makeErrorEntry, scannedEntry, type EntrySubject } from "../aggregate/entries.js";
import type { ExtractContext, Source } from "../extract/types.js";
import { EXTRACTORS, archiveContext, sniffSource, toExtractError } from "../extract/index.js";
import type { CompiledRule } from "../ruleset/types.js";

export type SourceScanOptions = NameScanOptions;

/**
 * Names that reach the report can themselves be data: a CSV without a header row, a JSON
 * map keyed by e-mail address, a workbook with one sheet per person ("Jan Jansen"). Such a
 * column name is replaced by the column's number, such a sheet name by "sheet N" (N in the
 * order the sheets come). Decided once per distinct name, by running the rules over it.
 */
class NameGuard {
  private readonly verdicts = new Map<string, boolean>();
  private readonly sheets = new Map<string, string>();

  constructor(
    private readonly rules: readonly CompiledRule[],
    private readonly hints: HeaderHints,
  ) {}

  private isData(name: string): boolean {
    let verdict = this.verdicts.get(name);
    if (verdict === undefined) {
      const probe: TextUnit = { text: name, kind: "prose", loc: {} };
      verdict = detectInUnit(probe, this.rules, this.hints).detections.length > 0;
      this.verdicts.set(name, verdict);
    }
    return verdict;
  }

  private sheetAlias(sheet: string): string {
    let alias = this.sheets.get(sheet);
    if (alias === undefined) {
      alias = this.isData(sheet) ? `sheet ${this.sheets.size + 1}` : sheet;
      this.sheets.set(sheet, alias);
    }
    return alias;
  }

  apply(unit: TextUnit): TextUnit {
    let { loc, table } = unit;
    const sheet = loc.sheet ?? table?.sheet;
    if (sheet !== undefined) {
      const alias = this.sheetAlias(sheet);
      if (alias !== sheet) {
        loc = { ...loc, sheet: alias };
        if (table) table = { ...table, sheet: alias };
      }
    }
    if (table?.header !== undefined && this.isData(table.header)) {
      const alias = `#${table.column + 1}`;
      if (loc.field === table.header) loc = { ...loc, field: alias };
      table = { ...table, header: alias };
    }
    return loc === unit.loc && table === unit.table ? unit : { ...unit, loc, table };
  }
}

/** An entry whose message may quote a library's error: sanitized here. */
function errorEntry(subject: EntrySubject, format: string, status: "failed" | "skipped", code: ErrorCode, message: string): FileReport {
  return makeErrorEntry(subject, format, status, code, sanitizeMessage(message));
}

/** Scans one source (and, for archives, its members); returns its entry first, then its members'. */
export async function scanSource(source: Source, ctx: ExtractContext, options: SourceScanOptions): Promise<FileReport[]> {
  // The name first: "kopie-paspoort.jpg" is an ID copy even when its pixels cannot be read.
  const hints = new HeaderHints();
  const findings = nameFindings(source.path, options, hints);

  const sniffed = sniffSource(source);
  const extractor = sniffed.kind === "format" ? EXTRACTORS[sniffed.format] : undefined;
  if (sniffed.kind === "reject" || !extractor) {
    const self =
      sniffed.kind === "reject"
        ? errorEntry(source, sniffed.format, sniffed.status, sniffed.code, sniffed.message)
        : errorEntry(source, sniffed.format, "failed", "UNSUPPORTED", `no extractor for format ${sniffed.format}`);
    return [withFindings(self, findings)];
  }

  const members: FileReport[] = [];
  const nameGuard = new NameGuard(options.rules, hints);
  const cells = new CellCache();
  let tabular = false;
  let failure: FileReport | undefined;
  const childCtx = sniffed.format === "zip" ? archiveContext(ctx) : ctx;

  try {
    for await (const item of extractor.extract(source, childCtx)) {
      if (item.type === "unit") {
        const unit = nameGuard.apply(item.unit);
        if (unit.table) tabular = true;
        findings.add(unit, cells.detect(unit, options.rules, hints));
      } else if (item.type === "child") {
        members.push(...(await scanSource(item.source, childCtx, options)));
      } else {
        members.push(withNameFindings(errorEntry(item, "unknown", item.status, item.code, item.message), options));
      }
    }
  } catch (err) {
    const e = toExtractError(err);
    failure = errorEntry(source, sniffed.format, e.status, e.code, e.message);
  }

  // A file that failed half-way still reports what was found before the failure:
  // a truncated export with BSNs in its first rows is still a file with BSNs.
  const self = withFindings(failure ?? scannedEntry(source, sniffed.format), findings, tabular);
  return [self, ...members];
}
