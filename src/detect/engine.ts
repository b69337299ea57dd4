// The detection engine: runs compiled rules over one text unit and grades each match
// (validator → base confidence → context words / header hint → required / exclude), then
// drops matches swallowed by a stronger overlapping one. Raw values exist only in the
// Detections this returns; the aggregate stage masks them before anything leaves the worker.
import type { Category, Confidence, Evidence, TextUnit } from "../model/types.js";
import { CONFIDENCE_RANK } from "../model/types.js";
import type { CompiledMatcher, CompiledRule, Normalization } from "../ruleset/types.js";
import { raiseConfidence } from "../classify/classify.js";
import { parseDate } from "./validators/date.js";
import { keywordIndexFor } from "./keyword-index.js";
import type { KeywordHits, KeywordIndex } from "./keyword-index.js";

export interface Detection {
  rule: CompiledRule;
  start: number;
  end: number;
  /** The normalised matched value. Raw personal data: never store or send it. */
  value: string;
  confidence: Confidence;
  evidence: Evidence[];
  notes: string[];
  /** The unit's header matched the rule's header patterns. */
  headerHint: boolean;
}

/** What one unit says about the column it belongs to, per rule id (for column classification). */
export interface UnitColumnSignal {
  /** Rules with a pattern match in the unit, validated or not. */
  shaped: ReadonlySet<string>;
  /** Rules with a validated match in the unit. */
  valid: ReadonlySet<string>;
}

export interface UnitResult {
  detections: Detection[];
  signal: UnitColumnSignal;
}

/**
 * Why a candidate match became a detection or not, for people writing rules (`rules explain`,
 * `rules eval --errors`). Never collected during a scan: it holds the matched text.
 */
export interface TraceEntry {
  ruleId: string;
  category: Category;
  pattern: string;
  start: number;
  end: number;
  outcome: "kept" | "invalid" | "excluded" | "no-context" | "overlapped";
  /** The exclude word that dropped it, or the evidence of a kept or overlapped match. */
  detail?: string;
  /** Of a kept or overlapped match. */
  confidence?: Confidence;
}

export function normalizeValue(value: string, how: Normalization): string {
  switch (how) {
    case "digits":
      return value.replace(/\D+/g, "");
    case "alnum":
      return value.replace(/[^\p{L}\p{N}]+/gu, "");
    case "upper-alnum":
      return value.replace(/[^\p{L}\p{N}]+/gu, "").toUpperCase();
    case "lower":
      return value.trim().toLowerCase();
    case "none":
      return value.trim();
  }
}

/** Lower-cased header with `_ - .` as spaces, the form header patterns are written against. */
export function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(/[_\-.]+/g, " ").replace(/\s+/g, " ").trim();
}

/** Remembers which rules a column header hints at: each header is tested once, not per cell. */
/** What a column header says about each rule: it hints at the rule's data, or excludes it. */
export interface HeaderVerdict {
  hinted: ReadonlySet<CompiledRule>;
  /** headers.notes matched (and headers.patterns did not): a free-text column of a record. */
  notes: ReadonlySet<CompiledRule>;
  /** headers.exclude matched: the column is something else for these rules. */
  excluded: ReadonlySet<CompiledRule>;
}

/** Remembers what each header says per rule: a column's header is tested once, not per cell. */
export class HeaderHints {
  private readonly cache = new Map<string, HeaderVerdict>();

  forHeader(header: string, rules: readonly CompiledRule[]): HeaderVerdict {
    let verdict = this.cache.get(header);
    if (!verdict) {
      const normalized = normalizeHeader(header);
      const hinted = new Set(rules.filter((r) => r.headers?.patterns.some((p) => p.test(normalized))));
      verdict = {
        hinted,
        notes: new Set(rules.filter((r) => !hinted.has(r) && r.headers?.notes?.patterns.some((p) => p.test(normalized)))),
        excluded: new Set(rules.filter((r) => r.headers?.exclude.some((p) => p.test(normalized)))),
      };
      this.cache.set(header, verdict);
    }
    return verdict;
  }
}

const NO_HINTS: HeaderVerdict = { hinted: new Set(), notes: new Set(), excluded: new Set() };


const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER_OR_DIGIT.test(text[i]);
}

/**
 * The first (at most three) letters/digits of every word, lower-cased: what term rules'
 * `termPrefixes` are compared with (see load.ts). A hand loop, because it runs on every
 * cell of every table and a regex with a Set cost more than all pattern rules together.
 */
export function wordStarts(text: string): string[] {
  return wordStartsAt(text).prefixes;
}

/** wordStarts with the offset of each word: where a term rule's sticky regex is tried. */
export function wordStartsAt(text: string): { prefixes: string[]; positions: number[] } {
  const prefixes: string[] = [];
  const positions: number[] = [];
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const word = isWordChar(text, i);
    if (word && !inWord) {
      let end = i + 1;
      while (end < text.length && end < i + 3 && isWordChar(text, end)) end++;
      prefixes.push(text.slice(i, end).toLowerCase());
      positions.push(i);
    }
    inWord = word;
  }
  return { prefixes, positions };
}

/**
 * The cheap checks that decide whether a rule's regexes need to run on a unit at all, each
 * computed once per unit however many rules ask: the rule's keywords, its prefilter regex
 * (e.g. "a digit somewhere"), and for term lists the word starts of the text.
 */
class UnitPrefilter {
  private starts?: { prefixes: string[]; positions: number[] };
  private hits?: KeywordHits;
  private headerHits?: KeywordHits;
  private windows?: Map<CompiledRule, [number, number][]>;
  // Few distinct prefilters exist (a digit, an @): two short arrays beat a Map per unit.
  private regexes?: RegExp[];
  private regexHits?: boolean[];

  constructor(
    private readonly text: string,
    private readonly header: string | undefined,
    private readonly keywords: KeywordIndex,
  ) {}

  /** Every rule's keyword hits in the text, found in one pass for all rules. */
  private keywordHits(): KeywordHits {
    return (this.hits ??= this.keywords.scan(this.text.toLowerCase()));
  }

  /** For long text: the merged windows around the rule's keyword hits, computed once per rule. */
  keywordWindows(rule: CompiledRule): [number, number][] {
    let windows = this.windows?.get(rule);
    if (windows) return windows;
    const hits = [...(this.keywordHits().get(rule) ?? [])].sort((a, b) => a[0] - b[0]);
    windows = [];
    for (const [hitStart, hitEnd] of hits) {
      const from = Math.max(0, hitStart - HIT_WINDOW);
      const to = Math.min(this.text.length, hitEnd + HIT_WINDOW);
      const last = windows[windows.length - 1];
      if (last && from <= last[1]) last[1] = Math.max(last[1], to);
      else windows.push([from, to]);
    }
    (this.windows ??= new Map()).set(rule, windows);
    return windows;
  }

  wordStarts(): { prefixes: string[]; positions: number[] } {
    return (this.starts ??= wordStartsAt(this.text));
  }

  passes(rule: CompiledRule): boolean {
    if (rule.prefilter) {
      this.regexes ??= [];
      this.regexHits ??= [];
      const at = this.regexes.indexOf(rule.prefilter);
      let hit: boolean;
      if (at >= 0) hit = this.regexHits[at];
      else {
        hit = rule.prefilter.test(this.text);
        this.regexes.push(rule.prefilter);
        this.regexHits.push(hit);
      }
      if (!hit) return false;
    }
    if (rule.termPrefixes) {
      const prefixes = rule.termPrefixes;
      if (!this.wordStarts().prefixes.some((w) => prefixes.has(w))) return false;
    }
    if (rule.keywordList) {
      if (this.keywordHits().has(rule)) return true;
      if (this.header === undefined) return false;
      return (this.headerHits ??= this.keywords.scan(this.header.toLowerCase())).has(rule);
    }
    return true;
  }
}

const NO_RULES: ReadonlySet<string> = new Set();
/** The (shared, never modified) result of a unit in which nothing matched. */
const NOTHING: UnitResult = Object.freeze({ detections: Object.freeze([]) as unknown as Detection[], signal: { shaped: NO_RULES, valid: NO_RULES } });

/** Text around a match, `window` characters each side, joined by a space so no word is glued together. */
function windowAround(text: string, start: number, end: number, window: number): string {
  return `${text.slice(Math.max(0, start - window), start)} ${text.slice(end, end + window)}`;
}

const globalCopies = new WeakMap<RegExp, RegExp>();

/**
 * An exclude phrase that covers the match and goes on past it: "fnv-voorzitter" around the
 * term "FNV", "prisoner of" around "prisoner". The window the other exclude words see leaves
 * the match out (so that an exclude word can never be the term itself); these phrases need it.
 */
function coveringPhrase(exclude: RegExp, text: string, start: number, end: number, window: number): string | undefined {
  let all = globalCopies.get(exclude);
  if (!all) {
    all = new RegExp(exclude.source, `${exclude.flags.replace("g", "")}g`);
    globalCopies.set(exclude, all);
  }
  const from = Math.max(0, start - window);
  const span = text.slice(from, Math.min(text.length, end + window));
  all.lastIndex = 0;
  for (let m = all.exec(span); m !== null && from + m.index <= start; m = all.exec(span)) {
    if (m[0].length === 0) all.lastIndex++;
    else if (from + m.index + m[0].length > end) return m[0];
  }
  return undefined;
}

/** The `loc.field` of the unit that carries a file's path and name, for rules with scope filename. */
export const FILENAME_FIELD = "filename";

/** A file's path as words, the text filename-scoped rules see: `HR/kopie_paspoort-2.pdf` → `HR kopie paspoort 2`. */
export function filenameUnit(filePath: string): TextUnit {
  const text = filePath.replace(/\.[A-Za-z0-9]{1,5}$/, "").replace(/[\\/_.\-!]+/g, " ").trim();
  return { text, kind: "metadata", loc: { field: FILENAME_FIELD } };
}

/** Whether a person born on `value` is younger than `under` years on `now`. */
function isChild(value: string, under: number, now: Date): boolean {
  const born = parseDate(value);
  if (!born) return false;
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() + 1;
  const d = now.getUTCDate();
  const age = y - born.year - (m < born.month || (m === born.month && d < born.day) ? 1 : 0);
  return age >= 0 && age < under;
}

/** Above this length a rule with keywords runs its patterns only around the keywords' hits. */
const LONG_TEXT = 4096;
/** How far around a keyword hit a pattern may start (statement patterns are shorter). */
const HIT_WINDOW = 300;
/** Extra text on each side of a window, so look-behinds and look-aheads see real context. */
const HIT_MARGIN = 100;

interface Match {
  /** Offset of the value (the capture group, or the whole match) in the unit's text. */
  start: number;
  raw: string;
}

/**
 * The matches of one matcher in `text`. Most rules scan the text; two cheap paths keep big
 * prose fast without changing what is found:
 * - a term list tries its sticky regex only where a word starts like one of its terms;
 * - a rule with keywords, on long text, runs its patterns only in windows around the
 *   keywords' hits (every pattern of such a rule contains one of its keywords).
 */
function* matchesOf(rule: CompiledRule, matcher: CompiledMatcher, text: string, prefilter: UnitPrefilter): Generator<Match> {
  const valueOf = (m: RegExpExecArray, offset: number): Match | undefined => {
    const raw = m[matcher.group];
    if (raw === undefined || raw === "") return undefined;
    return { start: offset + m.index + (matcher.group === 0 ? 0 : m[0].indexOf(raw)), raw };
  };

  if (matcher.sticky && rule.termPrefixes) {
    const { prefixes, positions } = prefilter.wordStarts();
    let lastEnd = 0;
    for (let i = 0; i < positions.length; i++) {
      if (positions[i] < lastEnd || !rule.termPrefixes.has(prefixes[i])) continue;
      matcher.sticky.lastIndex = positions[i];
      const m = matcher.sticky.exec(text);
      if (!m || m[0].length === 0) continue;
      lastEnd = m.index + m[0].length;
      const match = valueOf(m, 0);
      if (match) yield match;
    }
    return;
  }

  if (rule.keywordList && text.length > LONG_TEXT) {
    // Each merged window around the keyword hits (with a margin) is scanned once.
    for (const [from, to] of prefilter.keywordWindows(rule)) {
      const sliceStart = Math.max(0, from - HIT_MARGIN);
      const slice = text.slice(sliceStart, Math.min(text.length, to + HIT_MARGIN));
      matcher.regex.lastIndex = 0;
      for (let m = matcher.regex.exec(slice); m !== null; m = matcher.regex.exec(slice)) {
        if (m[0].length === 0) {
          matcher.regex.lastIndex++;
          continue;
        }
        const at = sliceStart + m.index;
        if (at < from || at >= to) continue; // found from another window's margin, or outside
        const match = valueOf(m, sliceStart);
        if (match) yield match;
      }
    }
    return;
  }

  matcher.regex.lastIndex = 0;
  for (let m = matcher.regex.exec(text); m !== null; m = matcher.regex.exec(text)) {
    if (m[0].length === 0) {
      matcher.regex.lastIndex++;
      continue;
    }
    const match = valueOf(m, 0);
    if (match) yield match;
  }
}

/** Runs `rules` over one unit. Cells and fields get their column header as a hint. */
export function detectInUnit(unit: TextUnit, rules: readonly CompiledRule[], hints: HeaderHints, trace?: TraceEntry[]): UnitResult {
  const text = unit.text;
  const isCell = unit.kind === "cell" || unit.kind === "field";
  const header = isCell ? unit.table?.header : undefined;
  const { hinted, notes: notesColumns, excluded } = header === undefined ? NO_HINTS : hints.forHeader(header, rules);
  const prefilter = new UnitPrefilter(text, header, keywordIndexFor(rules));
  let detections: Detection[] | undefined;
  // Most units match nothing: the array and sets are made on the first match only.
  let shaped: Set<string> | undefined;
  let valid: Set<string> | undefined;

  const isFilename = unit.kind === "metadata" && unit.loc.field === FILENAME_FIELD;
  for (const rule of rules) {
    if (rule.scope === (isFilename ? "content" : "filename")) continue;
    if (!prefilter.passes(rule)) continue;
    if (excluded.has(rule)) continue;
    const headerHint = hinted.has(rule);
    const notesHint = notesColumns.has(rule);
    // A rule that needs a context word or a header drops every match when the unit has
    // neither, so its patterns need not run (unless its column statistics are wanted).
    if (rule.context?.required && !headerHint && !notesHint && !rule.column && !rule.context.words.test(text)) continue;
    for (const matcher of rule.matchers) {
      for (const m of matchesOf(rule, matcher, text, prefilter)) {
        const raw = m.raw;
        const start = m.start;
        const end = start + raw.length;
        const value = normalizeValue(raw, rule.normalize);
        if (value === "") continue;
        (shaped ??= new Set()).add(rule.id);

        const evidence: Evidence[] = [{ kind: rule.kind === "terms" ? "term" : "pattern", detail: matcher.name }];
        const note = trace && ((outcome: TraceEntry["outcome"], detail?: string) =>
          trace.push({ ruleId: rule.id, category: rule.category, pattern: matcher.name, start, end, outcome, detail }));
        if (rule.validator) {
          if (!rule.validator.check(value)) {
            note?.("invalid", rule.validator.name);
            continue;
          }
          evidence.push({ kind: "validator", detail: rule.validator.name });
        }
        (valid ??= new Set()).add(rule.id);

        let confidence = rule.confidence;
        let supported = false;
        if (rule.context) {
          const around = windowAround(text, start, end, rule.context.window);
          const exclude = rule.context.exclude;
          const excludedBy = exclude && (exclude.exec(around)?.[0] ?? coveringPhrase(exclude, text, start, end, rule.context.window));
          if (excludedBy) {
            note?.("excluded", excludedBy.toLowerCase());
            continue;
          }
          const word = rule.context.words.exec(around);
          if (word) {
            confidence = raiseConfidence(confidence, rule.context.confidence);
            evidence.push({ kind: "context", detail: word[0].toLowerCase().replace(/\s+/g, " ") });
            supported = true;
          }
        }
        // The column's header: one of the rule's own headers, or a free-text column (notes).
        const headerConfidence = headerHint ? rule.headers?.confidence : notesHint ? rule.headers?.notes?.confidence : undefined;
        if (headerConfidence) {
          confidence = raiseConfidence(confidence, headerConfidence);
          evidence.push({ kind: "header", detail: header! });
          supported = true;
        }
        if (rule.context?.required && !supported) {
          note?.("no-context");
          continue;
        }

        const notes = rule.allow.filter((a) => a.pattern.test(value)).map((a) => a.note);
        if (rule.note) notes.push(rule.note);
        if (rule.child && isChild(value, rule.child.under, new Date())) notes.push(rule.child.note);
        (detections ??= []).push({ rule, start, end, value, confidence, evidence, notes, headerHint });
      }
    }
  }
  if (!detections && !shaped) return NOTHING;
  const kept = detections ? dropOverlaps(detections) : [];
  if (kept.length > 1) applySupport(kept, text);
  if (trace && detections) {
    const survived = new Set(kept);
    for (const d of detections) {
      trace.push({
        ruleId: d.rule.id,
        category: d.rule.category,
        pattern: d.evidence[0].detail,
        start: d.start,
        end: d.end,
        outcome: survived.has(d) ? "kept" : "overlapped",
        detail: d.evidence.slice(1).map((e) => `${e.kind} ${e.detail}`).join(", ") || undefined,
        confidence: d.confidence,
      });
    }
  }
  return { detections: kept, signal: { shaped: shaped ?? NO_RULES, valid: valid ?? NO_RULES } };
}

/**
 * Remembers the result for short cells of one file: a column of cities, first names or
 * statuses repeats the same few values thousands of times, and a cell's result depends only
 * on its text and its header. Bounded (cleared when full); it lives as long as the file's scan.
 */
export class CellCache {
  private readonly results = new Map<string, UnitResult>();

  constructor(
    private readonly maxEntries = 20_000,
    private readonly maxTextLength = 80,
  ) {}

  detect(unit: TextUnit, rules: readonly CompiledRule[], hints: HeaderHints): UnitResult {
    if ((unit.kind !== "cell" && unit.kind !== "field") || unit.text.length > this.maxTextLength) return detectInUnit(unit, rules, hints);
    const key = `${unit.table?.header ?? ""}\u0000${unit.text}`;
    let result = this.results.get(key);
    if (!result) {
      result = detectInUnit(unit, rules, hints);
      // Full: start over rather than freeze, so the values of later rows get their turn.
      if (this.results.size >= this.maxEntries) this.results.clear();
      this.results.set(key, result);
    }
    return result;
  }
}

/**
 * Raises a detection whose rule has `support` when another detection of a supporting
 * category (at least medium itself) lies within the window: a 9-digit number in a line with
 * a person's name and address. Support never lowers and never satisfies `context.required`;
 * a word of `support.exclude` in the window voids it (a politician named in the news).
 */
function applySupport(detections: Detection[], text: string): void {
  for (const d of detections) {
    const support = d.rule.support;
    if (!support || CONFIDENCE_RANK[d.confidence] >= CONFIDENCE_RANK[support.confidence]) continue;
    const near = detections.find(
      (o) =>
        o !== d &&
        support.categories.has(o.rule.category) &&
        CONFIDENCE_RANK[o.confidence] >= CONFIDENCE_RANK.medium &&
        o.start - d.end <= support.window &&
        d.start - o.end <= support.window,
    );
    if (near && !support.exclude?.test(windowAround(text, d.start, d.end, support.window))) {
      d.confidence = support.confidence;
      d.evidence.push({ kind: "context", detail: `near ${near.rule.category}` });
    }
  }
}

/**
 * Of two detections over the same text, keeps the one that explains it best: for the same
 * span the higher confidence; a span inside a longer one of another category is dropped
 * when the longer one is at least as confident (a BSN-shaped run inside a valid IBAN).
 */
export function dropOverlaps(detections: Detection[]): Detection[] {
  if (detections.length < 2) return detections;
  const sorted = [...detections].sort((a, b) => a.start - b.start || b.end - a.end || a.rule.id.localeCompare(b.rule.id));
  const dropped = new Set<Detection>();
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    if (dropped.has(a)) continue;
    for (let j = i + 1; j < sorted.length && sorted[j].start < a.end; j++) {
      const b = sorted[j];
      if (dropped.has(b)) continue;
      const rank = CONFIDENCE_RANK[a.confidence] - CONFIDENCE_RANK[b.confidence];
      if (a.start === b.start && a.end === b.end) {
        if (a.rule.id === b.rule.id) dropped.add(b);
        else if (a.rule.category === b.rule.category || rank !== 0) dropped.add(rank >= 0 ? b : a);
      } else if (b.end <= a.end && a.rule.category !== b.rule.category && rank >= 0 && !a.rule.contains.has(b.rule.category)) {
        dropped.add(b);
      }
      if (dropped.has(a)) break;
    }
  }
  return detections.filter((d) => !dropped.has(d));
}
