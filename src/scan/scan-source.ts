// One file through extract → detect → classify → aggregate, inside a worker thread.
// Archives recurse: every member becomes an entry of its own. Whatever goes wrong with a
// file becomes its entry's error; nothing thrown here escapes to the rest of the scan.
import type { ErrorCode, FileReport, TextUnit } from "../model/types.js";
import { detectInUnit, HeaderHints } from "../detect/engine.js";
import { FileFindings, type FindingLimits } from "../aggregate/file-findings.js";
import { sanitizeMessage } from "../aggregate/mask.js";
import type { ExtractContext, Source } from "../extract/types.js";
import { EXTRACTORS, archiveContext, sniffSource, toExtractError } from "../extract/index.js";
import type { CompiledRule } from "../ruleset/types.js";

export interface SourceScanOptions {
  rules: readonly CompiledRule[];
  findingLimits: FindingLimits;
}

/**
 * A header can itself be data: a CSV without a header row, a JSON map keyed by e-mail
 * address. Such a header must not reach the report as a column or field name, so it is
 * replaced by the column's number. Decided once per distinct header.
 */
class HeaderGuard {
  private readonly verdicts = new Map<string, boolean>();

  constructor(
    private readonly rules: readonly CompiledRule[],
    private readonly hints: HeaderHints,
  ) {}

  apply(unit: TextUnit): TextUnit {
    const table = unit.table;
    if (table?.header === undefined) return unit;
    let isData = this.verdicts.get(table.header);
    if (isData === undefined) {
      const probe: TextUnit = { text: table.header, kind: "prose", loc: {} };
      isData = detectInUnit(probe, this.rules, this.hints).detections.length > 0;
      this.verdicts.set(table.header, isData);
    }
    if (!isData) return unit;
    const alias = `#${table.column + 1}`;
    const loc = unit.loc.field === table.header ? { ...unit.loc, field: alias } : unit.loc;
    return { ...unit, loc, table: { ...table, header: alias } };
  }
}

function entry(source: { path: string; size: number; modifiedAt: Date }, format: string): FileReport {
  return {
    path: source.path,
    format,
    size: source.size,
    modifiedAt: source.modifiedAt.toISOString(),
    status: "scanned",
    classification: "none",
    findings: [],
  };
}

function errorEntry(
  source: { path: string; size: number; modifiedAt: Date },
  format: string,
  status: "failed" | "skipped",
  code: ErrorCode,
  message: string,
): FileReport {
  return { ...entry(source, format), status, error: { code, message: sanitizeMessage(message) } };
}

/** Scans one source (and, for archives, its members); returns its entry first, then its members'. */
export async function scanSource(source: Source, ctx: ExtractContext, options: SourceScanOptions): Promise<FileReport[]> {
  const sniffed = sniffSource(source);
  if (sniffed.kind === "reject") {
    return [errorEntry(source, sniffed.format, sniffed.status, sniffed.code, sniffed.message)];
  }
  const extractor = EXTRACTORS[sniffed.format];
  if (!extractor) return [errorEntry(source, sniffed.format, "failed", "UNSUPPORTED", `no extractor for format ${sniffed.format}`)];

  const members: FileReport[] = [];
  const findings = new FileFindings(options.findingLimits);
  const hints = new HeaderHints();
  const headerGuard = new HeaderGuard(options.rules, hints);
  let tabular = false;
  let failure: FileReport | undefined;
  const childCtx = sniffed.format === "zip" ? archiveContext(ctx) : ctx;

  try {
    for await (const item of extractor.extract(source, childCtx)) {
      if (item.type === "unit") {
        const unit = headerGuard.apply(item.unit);
        if (unit.table) tabular = true;
        findings.add(unit, detectInUnit(unit, options.rules, hints));
      } else if (item.type === "child") {
        members.push(...(await scanSource(item.source, childCtx, options)));
      } else {
        members.push(errorEntry(item, "unknown", item.status, item.code, item.message));
      }
    }
  } catch (err) {
    const e = toExtractError(err);
    failure = errorEntry(source, sniffed.format, e.status, e.code, e.message);
  }

  // A file that failed half-way still reports what was found before the failure:
  // a truncated export with BSNs in its first rows is still a file with BSNs.
  const result = findings.finish();
  const self: FileReport = failure ?? entry(source, sniffed.format);
  self.classification = result.classification;
  self.findings = result.findings;
  if (tabular) self.columns = result.columns;
  return [self, ...members];
}
