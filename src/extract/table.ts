// Shared helpers of the tabular formats (CSV, XLSX): the header-row heuristic, delimiter
// detection and number formatting.

const NUMERIC = /^[+-]?[\d\s.,]*\d[\d\s.,]*%?$/;
const DATE_LIKE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:$|[T\s])/;
const MAX_HEADER_LENGTH = 100;

/**
 * Whether the first row of a table is a header row: every cell non-empty, no cell purely
 * numeric, containing '@' or looking like a date, no cell longer than 100 characters, and all
 * cells distinct (case-insensitive).
 */
export function isHeaderRow(cells: ReadonlyArray<string | undefined>): boolean {
  if (cells.length === 0) return false;
  const seen = new Set<string>();
  for (const raw of cells) {
    const cell = (raw ?? "").trim();
    if (cell === "" || cell.length > MAX_HEADER_LENGTH) return false;
    if (NUMERIC.test(cell) || cell.includes("@") || DATE_LIKE.test(cell)) return false;
    const key = cell.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
  }
  return true;
}

/** A number as text: integers without exponent or fraction, other numbers as JS prints them. */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return "";
  if (Number.isInteger(n) && Math.abs(n) <= 2 ** 53) return n.toFixed(0);
  return String(n);
}

/** Excel-style column letters of a 1-based column number: 1 → A, 28 → AB. */
export function columnLetters(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export const DELIMITERS = [",", ";", "\t", "|"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface DelimiterGuess {
  delimiter: Delimiter;
  /** Every sampled record has the same non-zero number of delimiters (and there are at least 2 records). */
  consistent: boolean;
}

/**
 * Counts each candidate delimiter outside double quotes in the first records of `text` (a
 * quoted field may span lines). `complete` says whether `text` is the whole file; if not, the
 * last (possibly cut) record is ignored.
 */
export function detectDelimiter(text: string, complete: boolean, fallback: Delimiter = ","): DelimiterGuess {
  const maxRecords = 50;
  const records: number[][] = [];
  let counts = [0, 0, 0, 0];
  let inQuotes = false;
  let hasContent = false;
  let i = 0;
  for (; i < text.length && records.length < maxRecords; i++) {
    const ch = text[i];
    if (ch === '"') {
      if (inQuotes && text[i + 1] === '"') i++;
      else inQuotes = !inQuotes;
      hasContent = true;
    } else if (!inQuotes && (ch === "\n" || ch === "\r")) {
      if (hasContent) records.push(counts);
      counts = [0, 0, 0, 0];
      hasContent = false;
      if (ch === "\r" && text[i + 1] === "\n") i++;
    } else if (!inQuotes) {
      const k = DELIMITERS.indexOf(ch as Delimiter);
      if (k >= 0) counts[k]++;
      if (ch !== " ") hasContent = true;
    }
  }
  if (hasContent && (complete || records.length === 0) && i >= text.length) records.push(counts);

  if (records.length === 0) return { delimiter: fallback, consistent: false };

  // Preference on ties: tab and semicolon are rarely data, comma often is (decimals).
  const order = [2, 1, 0, 3];
  let best: { k: number; score: number; count: number; consistent: boolean } | undefined;
  for (const k of order) {
    const freq = new Map<number, number>();
    for (const r of records) if (r[k] > 0) freq.set(r[k], (freq.get(r[k]) ?? 0) + 1);
    let modeCount = 0;
    let modeHits = 0;
    for (const [count, hits] of freq) {
      if (hits > modeHits || (hits === modeHits && count > modeCount)) {
        modeCount = count;
        modeHits = hits;
      }
    }
    if (modeHits === 0) continue;
    const score = modeHits / records.length;
    const consistent = modeHits === records.length;
    if (!best || score > best.score || (score === best.score && modeCount > best.count)) {
      best = { k, score, count: modeCount, consistent };
    }
  }
  if (!best) return { delimiter: fallback, consistent: false };
  return { delimiter: DELIMITERS[best.k], consistent: best.consistent && records.length >= 2 };
}
