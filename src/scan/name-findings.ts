// What a file's path and name give away (rules with scope filename): "kopie-paspoort.jpg" is
// an ID copy even when its pixels cannot be read, so every entry starts here, also the ones
// that are skipped or fail. Kept free of the extractors so the main thread can use it.
import type { FileReport } from "../model/types.js";
import { detectInUnit, filenameUnit, HeaderHints } from "../detect/engine.js";
import { FileFindings, type FindingLimits } from "../aggregate/file-findings.js";
import type { CompiledRule } from "../ruleset/types.js";

export interface NameScanOptions {
  rules: readonly CompiledRule[];
  findingLimits: FindingLimits;
}

/** A file's findings so far, starting with what its path and name say (rules with scope filename). */
export function nameFindings(filePath: string, options: NameScanOptions, hints = new HeaderHints()): FileFindings {
  const findings = new FileFindings(options.findingLimits);
  const unit = filenameUnit(filePath);
  findings.add(unit, detectInUnit(unit, options.rules, hints));
  return findings;
}

/** Closes the findings of an entry and sets its classification (and columns for tables). */
export function withFindings(report: FileReport, findings: FileFindings, tabular = false): FileReport {
  const result = findings.finish();
  report.classification = result.classification;
  report.findings = result.findings;
  if (tabular) report.columns = result.columns;
  return report;
}

/** An entry that could not be read still says what its name gives away. */
export function withNameFindings(report: FileReport, options: NameScanOptions): FileReport {
  return withFindings(report, nameFindings(report.path, options));
}

