// The detection engine: runs compiled rules over one text unit and grades each match
// (validator → base confidence → context words / header hint → required / exclude), then
// drops matches swallowed by a stronger overlapping one. Raw values exist only in the
// Detections this returns; the aggregate stage masks them before anything leaves the worker.
import type { Confidence, Evidence, TextUnit } from "../model/types.js";
import { CONFIDENCE_RANK } from "../model/types.js";
import type { CompiledRule, Normalization } from "../ruleset/types.js";

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
  shaped: Set<string>;
  /** Rules with a validated match in the unit. */
  valid: Set<string>;
}

export interface UnitResult {
  detections: Detection[];
  signal: UnitColumnSignal;
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

/** Remembers, per rule, which headers it hints at: a column's header is tested once, not per cell. */
export class HeaderHints {
  private readonly cache = new Map<string, boolean>();

  matches(rule: CompiledRule, header: string | undefined): boolean {
    if (!rule.headers || header === undefined) return false;
    const key = `${rule.id}\u0000${header}`;
    let hit = this.cache.get(key);
    if (hit === undefined) {
      const normalized = normalizeHeader(header);
      hit = rule.headers.patterns.some((p) => p.test(normalized));
      this.cache.set(key, hit);
    }
    return hit;
  }
}

const maxConfidence = (a: Confidence, b: Confidence): Confidence => (CONFIDENCE_RANK[a] >= CONFIDENCE_RANK[b] ? a : b);

function passesPrefilter(rule: CompiledRule, lowerText: string, header: string | undefined): boolean {
  if (rule.keywords.length === 0) return true;
  const lowerHeader = header?.toLowerCase() ?? "";
  return rule.keywords.some((k) => lowerText.includes(k) || lowerHeader.includes(k));
}

/** Text around a match, `window` characters each side, joined by a space so no word is glued together. */
function windowAround(text: string, start: number, end: number, window: number): string {
  return `${text.slice(Math.max(0, start - window), start)} ${text.slice(end, end + window)}`;
}

/** Runs `rules` over one unit. Cells and fields get their column header as a hint. */
export function detectInUnit(unit: TextUnit, rules: readonly CompiledRule[], hints: HeaderHints): UnitResult {
  const text = unit.text;
  const lowerText = text.toLowerCase();
  const isCell = unit.kind === "cell" || unit.kind === "field";
  const header = isCell ? unit.table?.header : undefined;
  const detections: Detection[] = [];
  const signal: UnitColumnSignal = { shaped: new Set(), valid: new Set() };

  for (const rule of rules) {
    if (!passesPrefilter(rule, lowerText, header)) continue;
    const headerHint = hints.matches(rule, header);
    for (const matcher of rule.matchers) {
      matcher.regex.lastIndex = 0;
      for (let m = matcher.regex.exec(text); m !== null; m = matcher.regex.exec(text)) {
        if (m[0].length === 0) {
          matcher.regex.lastIndex++;
          continue;
        }
        const raw = m[matcher.group];
        if (raw === undefined || raw === "") continue;
        const start = m.index + (matcher.group === 0 ? 0 : m[0].indexOf(raw));
        const end = start + raw.length;
        const value = normalizeValue(raw, rule.normalize);
        if (value === "") continue;
        signal.shaped.add(rule.id);

        const evidence: Evidence[] = [{ kind: rule.kind === "terms" ? "term" : "pattern", detail: matcher.name }];
        if (rule.validator) {
          if (!rule.validator.check(value)) continue;
          evidence.push({ kind: "validator", detail: rule.validator.name });
        }
        signal.valid.add(rule.id);

        let confidence = rule.confidence;
        let supported = false;
        if (rule.context) {
          const around = windowAround(text, start, end, rule.context.window);
          if (rule.context.exclude?.test(around)) continue;
          const word = rule.context.words.exec(around);
          if (word) {
            confidence = maxConfidence(confidence, rule.context.confidence);
            evidence.push({ kind: "context", detail: word[0].toLowerCase().replace(/\s+/g, " ") });
            supported = true;
          }
        }
        if (headerHint && rule.headers) {
          confidence = maxConfidence(confidence, rule.headers.confidence);
          evidence.push({ kind: "header", detail: header! });
          supported = true;
        }
        if (rule.context?.required && !supported) continue;

        const notes = rule.allow.filter((a) => a.pattern.test(value)).map((a) => a.note);
        detections.push({ rule, start, end, value, confidence, evidence, notes, headerHint });
      }
    }
  }
  return { detections: dropOverlaps(detections), signal };
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
      } else if (b.end <= a.end && a.rule.category !== b.rule.category && rank >= 0) {
        dropped.add(b);
      }
      if (dropped.has(a)) break;
    }
  }
  return detections.filter((d) => !dropped.has(d));
}
