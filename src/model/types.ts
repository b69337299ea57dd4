// Shared types of the scan pipeline. Types and the contract's category table only; no logic
// beyond lookups, so every stage can depend on this module and on nothing else.

export type Classification = "none" | "generic" | "special";
export type FindingClassification = Exclude<Classification, "none">;
export type Confidence = "low" | "medium" | "high";

/** The categories of ../shared/contract/categories.md, each with the classification the table gives it. */
export const CATEGORY_CLASSIFICATION = {
  name: "generic",
  email: "generic",
  phone: "generic",
  postcode: "generic",
  address: "generic",
  "date-of-birth": "generic",
  iban: "generic",
  "credit-card": "generic",
  "ip-address": "generic",
  "license-plate": "generic",
  bsn: "special",
  "be-national-number": "special",
  "id-document-number": "special",
  health: "special",
  religion: "special",
  ethnicity: "special",
  political: "special",
  "sexual-orientation": "special",
  "trade-union": "special",
  genetic: "special",
  biometric: "special",
  criminal: "special",
} as const satisfies Record<string, FindingClassification>;

export type Category = keyof typeof CATEGORY_CLASSIFICATION;
export const CATEGORIES = Object.keys(CATEGORY_CLASSIFICATION) as Category[];

export function isCategory(value: string): value is Category {
  return Object.prototype.hasOwnProperty.call(CATEGORY_CLASSIFICATION, value);
}

export const CLASSIFICATION_RANK: Record<Classification, number> = { none: 0, generic: 1, special: 2 };
export const CONFIDENCE_RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };
export const CONFIDENCES: Confidence[] = ["low", "medium", "high"];

export function maxClassification(a: Classification, b: Classification): Classification {
  return CLASSIFICATION_RANK[a] >= CLASSIFICATION_RANK[b] ? a : b;
}

export function atLeast(confidence: Confidence, minimum: Confidence): boolean {
  return CONFIDENCE_RANK[confidence] >= CONFIDENCE_RANK[minimum];
}

/**
 * Where a piece of text came from. Only the fields that fit the format are set:
 * line/column for text, sheet/cell for workbooks, page for PDF, row/field for CSV and JSON.
 * Lines, columns, rows and pages are 1-based.
 */
export interface Location {
  line?: number;
  column?: number;
  page?: number;
  sheet?: string;
  cell?: string;
  row?: number;
  field?: string;
}

/** The column a cell belongs to, for tabular formats (CSV, XLSX, JSON arrays of records). */
export interface TableRef {
  /** Sheet name (XLSX) ; absent for CSV/JSON. */
  sheet?: string;
  /** 0-based column index (CSV/XLSX) or the index of the field in first-seen order (JSON). */
  column: number;
  /** The header / field name, when the table has one. */
  header?: string;
}

export type TextUnitKind = "prose" | "cell" | "header" | "field" | "metadata";

/**
 * A piece of extracted text that knows where it came from.
 * - prose: free text; `loc.line` is the line the text starts on (and `loc.page` for PDF);
 *   the detector derives line/column of a match inside it from the newlines in `text`.
 * - header: a column header cell (table.column set, table.header = text).
 * - cell / field: one value of a table or a JSON record; `table` says which column.
 * - metadata: document properties (author, title).
 */
export interface TextUnit {
  text: string;
  kind: TextUnitKind;
  loc: Location;
  table?: TableRef;
}

export type FileStatus = "scanned" | "skipped" | "failed";

/** Error codes of failed and skipped entries (the `error.code` of the report). */
export type ErrorCode =
  | "ENCRYPTED"
  | "CORRUPT"
  | "TOO_LARGE"
  | "UNSUPPORTED"
  | "BINARY"
  | "EACCES"
  | "ENOENT"
  | "EIO"
  | "SYMLINK"
  | "TIMEOUT"
  | "OUT_OF_MEMORY"
  | "ZIP_BOMB"
  | "ARCHIVE_LIMIT"
  | "INTERNAL";

export interface FileError {
  code: ErrorCode;
  message: string;
}

/** Why a finding got its confidence: what matched and what supported it (Presidio-style trail). */
export interface Evidence {
  kind: "pattern" | "term" | "validator" | "context" | "header" | "column" | "allow" | "document";
  /** A short, value-free description: pattern name, validator name, context word, header text. */
  detail: string;
}

export interface FindingLocation extends Location {}

export interface Finding {
  ruleId: string;
  category: Category;
  classification: FindingClassification;
  confidence: Confidence;
  count: number;
  locations: FindingLocation[];
  /** Masked values only. */
  samples: string[];
  evidence: Evidence[];
  /** Extra value-free remarks, e.g. "known test number". */
  notes?: string[];
  /** How many of `count` matches carry each note (e.g. 2 of 3 birth dates are children's). */
  noteCounts?: Record<string, number>;
  /**
   * Where the matches are, by region: a column ("column Leden/E-mail"), the text of the file
   * ("text") or its name ("name"). Line numbers shift when a row moves; regions do not, so a
   * baseline keys on them.
   */
  regions?: FindingRegion[];
}

export interface FindingRegion {
  region: string;
  count: number;
  /** The first match in the region. */
  location?: FindingLocation;
  /** With a baseline: how many of `count` are not in it (new since the baseline). */
  newCount?: number;
  /**
   * Keyed hashes (HMAC-SHA256 with the baseline key) of the distinct normalised values, only
   * when a key was given, only in memory: the scan moves them out before a report is written.
   */
  valueMacs?: string[];
}

export interface ColumnSummary {
  sheet?: string;
  name: string;
  index: number;
  classification: Classification;
  categories: Category[];
}

export interface FileReport {
  path: string;
  format: string;
  size: number;
  modifiedAt: string;
  status: FileStatus;
  error?: FileError;
  classification: Classification;
  findings: Finding[];
  columns?: ColumnSummary[];
}

export interface ScanSummary {
  filesScanned: number;
  filesFailed: number;
  filesSkipped: number;
  bytesScanned: number;
  byClassification: Record<Classification, number>;
  byCategory: Partial<Record<Category, number>>;
}

export interface ScanReport {
  schemaVersion: 1;
  tool: { name: "avg-scan"; version: string };
  startedAt: string;
  finishedAt: string;
  roots: string[];
  options: {
    minConfidence: Confidence;
    rulesetHash: string;
    rules: number;
  };
  summary: ScanSummary;
  files: FileReport[];
  /** With --baseline: what it suppressed, what is new and which of its entries are stale. */
  baseline?: BaselineSummary;
  /** With --fail-on: the threshold and how many findings break it (exit code 1 when any). */
  gate?: { failOn: "none" | "generic" | "special"; violations: number };
}

export interface BaselineSummary {
  mode: "values" | "counts";
  suppressed: number;
  new: number;
  stale: { file: string; rule: string; region: string; gone: number }[];
}
