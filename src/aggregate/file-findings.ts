// Collects the detections of one file into report findings: counts, capped locations and
// masked samples per rule, column and confidence; then lifts whole columns whose values
// validate (column classification) and applies the minimum-confidence gate. Holds no raw
// value: each detection is masked the moment it arrives. Memory is bounded by
// rules × columns, not by the size of the file.
import { createHmac } from "node:crypto";
import type {
  Classification, ColumnSummary, Confidence, Evidence, Finding, FindingLocation, FindingRegion, TextUnit,
} from "../model/types.js";
import { CONFIDENCE_RANK, CONFIDENCES, atLeast } from "../model/types.js";
import { FILENAME_FIELD, type Detection, type UnitResult } from "../detect/engine.js";
import type { CompiledRule } from "../ruleset/types.js";
import { maskValue } from "./mask.js";
import { classificationOf, columnPasses, type ColumnRuleStats } from "../classify/classify.js";

export interface FindingLimits {
  minConfidence: Confidence;
  /** Locations kept per finding. */
  maxLocations: number;
  /** Distinct masked samples kept per finding. */
  maxSamples: number;
  /**
   * Baseline key: when set, each match's normalised value is hashed with HMAC-SHA256 under it,
   * so a baseline can tell a new value from an old one without holding either.
   */
  valueKey?: string;
}

export const DEFAULT_FINDING_LIMITS: FindingLimits = { minConfidence: "medium", maxLocations: 20, maxSamples: 5 };
const MAX_EVIDENCE = 12;
/** Distinct value hashes kept per region and confidence; beyond it a baseline falls back to counts. */
export const MAX_VALUE_MACS = 100_000;

/** The form a value is hashed in: no spaces, dots, dashes or slashes, lower case. */
export function normalizeForMac(value: string): string {
  return value.normalize("NFKC").toLowerCase().replace(/[\s.\-/]/g, "");
}

/** 128 bits of HMAC-SHA256: plenty to tell values apart, reveals nothing without the key. */
export function valueMac(key: string, value: string): string {
  return createHmac("sha256", key).update(normalizeForMac(value)).digest("hex").slice(0, 32);
}

interface Bucket {
  count: number;
  locations: FindingLocation[];
  samples: Set<string>;
  evidence: Map<string, Evidence>;
  /** Note → how many of the bucket's matches carry it. */
  notes: Map<string, number>;
  /** Region → count and (with a baseline key) the distinct value hashes. */
  regions: Map<string, { count: number; location?: FindingLocation; macs?: Set<string> }>;
}

interface Group {
  rule: CompiledRule;
  columnKey: string;
  /** "text", "name" or "c" + column key: the region the group's matches are in. */
  regionKey: string;
  buckets: Partial<Record<Confidence, Bucket>>;
}


interface ColumnStats {
  sheet?: string;
  index: number;
  /** Already guarded by the caller: a header that is itself data arrives as "#n". */
  header?: string;
  rules: Map<string, ColumnRuleStats>;
}

const newBucket = (): Bucket => ({ count: 0, locations: [], samples: new Set(), evidence: new Map(), notes: new Map(), regions: new Map() });

function columnKeyOf(unit: TextUnit): string {
  return unit.table ? `${unit.table.sheet ?? ""}\u0000${unit.table.column}` : "";
}

/** 1-based line and column of `offset` in a prose unit that starts on `loc.line`. */
function proseLocation(unit: TextUnit, offset: number, lineStarts: () => number[]): FindingLocation {
  const starts = lineStarts();
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  const loc: FindingLocation = {};
  if (unit.loc.page !== undefined) loc.page = unit.loc.page;
  loc.line = (unit.loc.line ?? 1) + lo;
  loc.column = offset - starts[lo] + 1 + (lo === 0 ? (unit.loc.column ?? 1) - 1 : 0);
  return loc;
}

export class FileFindings {
  private readonly groups = new Map<string, Group>();
  private readonly columns = new Map<string, ColumnStats>();

  constructor(private readonly limits: FindingLimits = DEFAULT_FINDING_LIMITS) {}

  /** Takes the engine's result for one unit; the detections' raw values are masked here and dropped. */
  add(unit: TextUnit, result: UnitResult): void {
    const columnKey = unit.kind === "cell" || unit.kind === "field" ? columnKeyOf(unit) : "";
    if (unit.table && (unit.kind === "header" || columnKey)) this.noteColumn(unit, result);
    const regionKey = columnKey ? `c${columnKey}` : unit.kind === "metadata" && unit.loc.field === FILENAME_FIELD ? "name" : "text";
    const inText = unit.kind === "prose" || (unit.kind === "metadata" && unit.loc.line !== undefined);

    let starts: number[] | undefined;
    const lineStarts = (): number[] => {
      if (!starts) {
        starts = [0];
        for (let i = unit.text.indexOf("\n"); i !== -1; i = unit.text.indexOf("\n", i + 1)) starts.push(i + 1);
      }
      return starts;
    };
    for (const d of result.detections) {
      const bucket = this.bucketFor(d, columnKey, regionKey);
      bucket.count++;
      let region = bucket.regions.get(regionKey);
      if (!region) {
        region = this.limits.valueKey ? { count: 0, macs: new Set() } : { count: 0 };
        bucket.regions.set(regionKey, region);
      }
      region.count++;
      if (region.macs && region.macs.size < MAX_VALUE_MACS) region.macs.add(valueMac(this.limits.valueKey!, d.value));
      const keepLocation = bucket.locations.length < this.limits.maxLocations;
      if (keepLocation || region.location === undefined) {
        const loc = inText ? proseLocation(unit, d.start, lineStarts) : { ...unit.loc };
        region.location ??= loc;
        if (keepLocation) bucket.locations.push(loc);
      }
      if (bucket.samples.size < this.limits.maxSamples) bucket.samples.add(maskValue(d.value));
      for (const e of d.evidence) {
        const key = `${e.kind}\u0000${e.detail}`;
        if (bucket.evidence.size < MAX_EVIDENCE && !bucket.evidence.has(key)) bucket.evidence.set(key, e);
      }
      for (const n of d.notes) bucket.notes.set(n, (bucket.notes.get(n) ?? 0) + 1);
    }
  }

  private bucketFor(d: Detection, columnKey: string, regionKey: string): Bucket {
    const key = `${d.rule.id}\u0000${regionKey}`;
    let group = this.groups.get(key);
    if (!group) {
      group = { rule: d.rule, columnKey, regionKey, buckets: {} };
      this.groups.set(key, group);
    }
    return (group.buckets[d.confidence] ??= newBucket());
  }

  private noteColumn(unit: TextUnit, result: UnitResult): void {
    const table = unit.table!;
    const key = columnKeyOf(unit);
    let col = this.columns.get(key);
    if (!col) {
      col = { sheet: table.sheet, index: table.column, header: table.header, rules: new Map() };
      this.columns.set(key, col);
    }
    if (unit.kind === "header") return;
    col.header ??= table.header;
    for (const ruleId of result.signal.shaped) {
      let stats = col.rules.get(ruleId);
      if (!stats) {
        stats = { shaped: 0, valid: 0, hinted: false };
        col.rules.set(ruleId, stats);
      }
      stats.shaped++;
      if (result.signal.valid.has(ruleId)) stats.valid++;
      if (result.detections.some((d) => d.rule.id === ruleId && d.headerHint)) stats.hinted = true;
    }
  }

  /** "text", "name", or "column Sheet/Header" ("column #3" for a header that is itself data). */
  private regionLabel(regionKey: string): string {
    if (!regionKey.startsWith("c")) return regionKey;
    const col = this.columns.get(regionKey.slice(1));
    const name = col?.header ?? `#${(col?.index ?? 0) + 1}`;
    return `column ${col?.sheet !== undefined ? `${col.sheet}/` : ""}${name}`;
  }

  /** Lifts every match in a column that passes the rule's column test to the column confidence. */
  private promoteColumns(): void {
    for (const group of this.groups.values()) {
      const spec = group.rule.column;
      if (!spec || !group.columnKey) continue;
      const stats = this.columns.get(group.columnKey)?.rules.get(group.rule.id);
      if (!stats || !columnPasses(group.rule, stats)) continue;
      const target = (group.buckets[spec.confidence] ??= newBucket());
      target.evidence.set("column", { kind: "column", detail: `${stats.valid}/${stats.shaped} cells valid` });
      for (const c of CONFIDENCES) {
        const bucket = group.buckets[c];
        if (!bucket || c === spec.confidence || CONFIDENCE_RANK[c] > CONFIDENCE_RANK[spec.confidence]) continue;
        mergeBucket(target, bucket, this.limits);
        delete group.buckets[c];
      }
      if (target.count === 0) delete group.buckets[spec.confidence];
    }
  }

  /** The findings at or above the minimum confidence, the columns that hold them, and the file's classification. */
  finish(): { findings: Finding[]; columns: ColumnSummary[]; classification: Classification } {
    this.promoteColumns();
    const merged = new Map<string, { rule: CompiledRule; confidence: Confidence; bucket: Bucket }>();
    const columnCategories = new Map<string, Set<CompiledRule>>();
    for (const group of this.groups.values()) {
      for (const c of CONFIDENCES) {
        const bucket = group.buckets[c];
        if (!bucket || !atLeast(c, this.limits.minConfidence)) continue;
        const key = `${group.rule.id}\u0000${c}`;
        const into = merged.get(key);
        if (into) mergeBucket(into.bucket, bucket, this.limits);
        else merged.set(key, { rule: group.rule, confidence: c, bucket: cloneBucket(bucket) });
        if (group.columnKey) {
          const set = columnCategories.get(group.columnKey) ?? new Set();
          set.add(group.rule);
          columnCategories.set(group.columnKey, set);
        }
      }
    }

    const findings: Finding[] = [...merged.values()]
      .sort((a, b) => (a.rule.id < b.rule.id ? -1 : a.rule.id > b.rule.id ? 1 : CONFIDENCE_RANK[b.confidence] - CONFIDENCE_RANK[a.confidence]))
      .map(({ rule, confidence, bucket }) => {
        const finding: Finding = {
          ruleId: rule.id,
          category: rule.category,
          classification: rule.classification,
          confidence,
          count: bucket.count,
          locations: bucket.locations,
          samples: [...bucket.samples],
          evidence: [...bucket.evidence.values()],
        };
        if (bucket.notes.size) {
          const notes = [...bucket.notes.keys()].sort();
          finding.notes = notes;
          finding.noteCounts = Object.fromEntries(notes.map((n) => [n, bucket.notes.get(n)!]));
        }
        finding.regions = [...bucket.regions]
          .map(([key, r]): FindingRegion => {
            const region: FindingRegion = { region: this.regionLabel(key), count: r.count };
            if (r.location) region.location = r.location;
            if (r.macs) region.valueMacs = [...r.macs].sort();
            return region;
          })
          .sort((a, b) => (a.region < b.region ? -1 : a.region > b.region ? 1 : 0));
        return finding;
      });

    const classification = classificationOf(findings);

    // Columns in the order the file has them (sheet by sheet), which is deterministic.
    const columns: ColumnSummary[] = [];
    for (const [key, col] of this.columns) {
      const rules = columnCategories.get(key);
      if (!rules) continue;
      const categories = [...new Set([...rules].map((r) => r.category))].sort();
      const summary: ColumnSummary = {
        name: col.header ?? `#${col.index + 1}`,
        index: col.index,
        classification: classificationOf(rules),
        categories,
      };
      if (col.sheet !== undefined) summary.sheet = col.sheet;
      columns.push(summary);
    }
    return { findings, columns, classification };
  }
}

function cloneBucket(b: Bucket): Bucket {
  const regions = new Map([...b.regions].map(([k, r]) => [k, { ...r, ...(r.macs ? { macs: new Set(r.macs) } : {}) }]));
  return { count: b.count, locations: [...b.locations], samples: new Set(b.samples), evidence: new Map(b.evidence), notes: new Map(b.notes), regions };
}

function mergeBucket(into: Bucket, from: Bucket, limits: FindingLimits): void {
  into.count += from.count;
  for (const l of from.locations) if (into.locations.length < limits.maxLocations) into.locations.push(l);
  for (const s of from.samples) if (into.samples.size < limits.maxSamples) into.samples.add(s);
  for (const [k, e] of from.evidence) if (into.evidence.size < MAX_EVIDENCE && !into.evidence.has(k)) into.evidence.set(k, e);
  for (const [n, c] of from.notes) into.notes.set(n, (into.notes.get(n) ?? 0) + c);
  for (const [k, r] of from.regions) {
    const target = into.regions.get(k);
    if (!target) {
      into.regions.set(k, { ...r, ...(r.macs ? { macs: new Set(r.macs) } : {}) });
      continue;
    }
    target.count += r.count;
    if (r.macs) {
      target.macs ??= new Set();
      for (const m of r.macs) if (target.macs.size < MAX_VALUE_MACS) target.macs.add(m);
    }
  }
}
