// A baseline of accepted findings, the way secret scanners keep one: `--baseline-out` records
// today's findings, `--baseline` suppresses exactly those, so only new ones fail a CI job.
// An entry is (file, rule, region) with a count. A region is a column or the text of a file,
// not a line, so a row that moves down does not make an old finding new. With a secret key
// (AVGSCAN_BASELINE_KEY) an entry also holds keyed hashes (HMAC-SHA256) of its values, so a
// BSN replaced by another BSN in the same cell counts as new. The file never holds a value,
// nor an unkeyed hash of one (there are only 10^9 BSNs): it is safe to commit.
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Finding, FindingRegion, ScanReport } from "../model/types.js";
import { CONFIDENCE_RANK } from "../model/types.js";

export const BASELINE_KEY_ENV = "AVGSCAN_BASELINE_KEY";

export interface BaselineEntry {
  file: string;
  rule: string;
  region: string;
  count: number;
  /** Keyed hashes of the distinct values (only in a keyed baseline). */
  valueMacs?: string[];
}

export interface Baseline {
  version: 1;
  tool: "avg-scan";
  note: string;
  /** HMAC of a fixed text under the key: tells whether a later key is the same, reveals nothing. */
  keyCheck?: string;
  entries: BaselineEntry[];
}

/** A baseline file that cannot be used: exit 2. */
export class BaselineError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BaselineError";
  }
}

const NOTE =
  "Accepted findings of avg-scan: file, rule, region and count. No values and no plain hashes; with a key, keyed hashes (HMAC-SHA256) of the values.";

export function keyCheck(key: string): string {
  return createHmac("sha256", key).update("avg-scan baseline key check v1").digest("hex").slice(0, 16);
}

export const regionKey = (file: string, rule: string, region: string) => `${file}\u0000${rule}\u0000${region}`;

/** A finding's regions; a report written before regions existed has the whole text as one. */
export function regionsOf(finding: Finding): FindingRegion[] {
  return finding.regions ?? [{ region: "text", count: finding.count, location: finding.locations[0] }];
}

/** Macs per region key, as the scan hands them over (`onValueMacs`). */
export type ValueMacs = Map<string, Set<string>>;

export function collectMacs(): { macs: ValueMacs; onValueMacs: (file: string, rule: string, region: string, list: string[]) => void } {
  const macs: ValueMacs = new Map();
  return {
    macs,
    onValueMacs: (file, rule, region, list) => {
      const k = regionKey(file, rule, region);
      const set = macs.get(k) ?? new Set<string>();
      for (const m of list) set.add(m);
      macs.set(k, set);
    },
  };
}

/** The current findings per (file, rule, region), confidences merged. */
export function currentRegions(report: ScanReport): Map<string, BaselineEntry> {
  const out = new Map<string, BaselineEntry>();
  for (const f of report.files) {
    for (const finding of f.findings) {
      for (const r of regionsOf(finding)) {
        const k = regionKey(f.path, finding.ruleId, r.region);
        const e = out.get(k) ?? { file: f.path, rule: finding.ruleId, region: r.region, count: 0 };
        e.count += r.count;
        out.set(k, e);
      }
    }
  }
  return out;
}

const byKey = (a: BaselineEntry, b: BaselineEntry) => {
  const x = regionKey(a.file, a.rule, a.region);
  const y = regionKey(b.file, b.rule, b.region);
  return x < y ? -1 : x > y ? 1 : 0;
};

export function buildBaseline(report: ScanReport, macs: ValueMacs | undefined, key: string | undefined): Baseline {
  const entries = [...currentRegions(report).entries()].map(([k, e]) => {
    const set = macs?.get(k);
    return set ? { ...e, valueMacs: [...set].sort() } : e;
  });
  return { version: 1, tool: "avg-scan", note: NOTE, ...(key ? { keyCheck: keyCheck(key) } : {}), entries: entries.sort(byKey) };
}

export function renderBaseline(b: Baseline): string {
  return `${JSON.stringify(b, null, 2)}\n`;
}

export function readBaseline(file: string): Baseline {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new BaselineError(`cannot read the baseline ${file}: ${code ?? (err as Error).message}`);
  }
  const b = value as Partial<Baseline>;
  if (b?.tool !== "avg-scan" || b.version !== 1 || !Array.isArray(b.entries)) throw new BaselineError(`${file} is not an avg-scan baseline (version 1)`);
  for (const [i, e] of b.entries.entries()) {
    const ok = e && typeof e.file === "string" && typeof e.rule === "string" && typeof e.region === "string" && Number.isInteger(e.count) && e.count >= 0;
    const macsOk = e?.valueMacs === undefined || (Array.isArray(e.valueMacs) && e.valueMacs.every((m) => typeof m === "string" && /^[0-9a-f]{32}$/.test(m)));
    if (!ok || !macsOk) throw new BaselineError(`${file}: entry ${i + 1} is not a valid baseline entry`);
  }
  return b as Baseline;
}

export interface BaselineResult {
  /** Matches suppressed by the baseline. */
  suppressed: number;
  /** Matches not in the baseline. */
  fresh: number;
  /** Entries whose data is (partly) gone: the entry, and how many of its count are gone. */
  stale: { entry: BaselineEntry; gone: number }[];
  /** How values were compared. */
  mode: "values" | "counts";
}

/**
 * Sets `newCount` on every region of the report and says what is stale. With value hashes on
 * both sides, a value is new when its hash is not in the entry; otherwise the count above the
 * entry's count is new.
 */
export function applyBaseline(report: ScanReport, baseline: Baseline, macs: ValueMacs | undefined, key: string | undefined): BaselineResult {
  if (baseline.keyCheck && key && keyCheck(key) !== baseline.keyCheck) {
    throw new BaselineError(`${BASELINE_KEY_ENV} is not the key this baseline was made with`);
  }
  const byValues = Boolean(baseline.keyCheck && key && macs);
  const entries = new Map(baseline.entries.map((e) => [regionKey(e.file, e.rule, e.region), e]));
  const current = currentRegions(report);
  let suppressed = 0;
  let fresh = 0;
  // New matches per region, split over the report's findings of that region (highest confidence first).
  const newPerRegion = new Map<string, number>();
  for (const [k, cur] of current) {
    const e = entries.get(k);
    let n: number;
    if (!e) n = cur.count;
    else if (byValues && e.valueMacs && macs!.get(k)) {
      const known = new Set(e.valueMacs);
      const values = macs!.get(k)!;
      const newValues = [...values].filter((m) => !known.has(m)).length;
      // Distinct new values; a repeat of a known value is not new.
      n = Math.min(cur.count, newValues);
    } else n = Math.max(0, cur.count - e.count);
    newPerRegion.set(k, n);
    fresh += n;
    suppressed += cur.count - n;
  }
  for (const f of report.files) {
    const findings = [...f.findings].sort((a, b) => CONFIDENCE_RANK[b.confidence] - CONFIDENCE_RANK[a.confidence]);
    for (const finding of findings) {
      for (const r of finding.regions ?? []) {
        const k = regionKey(f.path, finding.ruleId, r.region);
        const left = newPerRegion.get(k) ?? 0;
        const here = Math.min(left, r.count);
        r.newCount = here;
        newPerRegion.set(k, left - here);
      }
    }
  }
  const stale: BaselineResult["stale"] = [];
  for (const [k, e] of entries) {
    const cur = current.get(k);
    let gone: number;
    if (!cur) gone = e.count;
    else if (byValues && e.valueMacs && macs!.get(k)) {
      const values = macs!.get(k)!;
      gone = e.valueMacs.filter((m) => !values.has(m)).length;
    } else gone = Math.max(0, e.count - cur.count);
    if (gone > 0) stale.push({ entry: e, gone });
  }
  stale.sort((a, b) => byKey(a.entry, b.entry));
  return { suppressed, fresh, stale, mode: byValues ? "values" : "counts" };
}

/** The baseline without what is gone: entries dropped or shrunk to what the scan still finds. */
export function pruneBaseline(baseline: Baseline, report: ScanReport, macs: ValueMacs | undefined): { baseline: Baseline; dropped: number; shrunk: number } {
  const current = currentRegions(report);
  let dropped = 0;
  let shrunk = 0;
  const entries: BaselineEntry[] = [];
  for (const e of baseline.entries) {
    const k = regionKey(e.file, e.rule, e.region);
    const cur = current.get(k);
    if (!cur) {
      dropped++;
      continue;
    }
    const values = macs?.get(k);
    const keptMacs = e.valueMacs && values ? e.valueMacs.filter((m) => values.has(m)) : e.valueMacs;
    const count = Math.min(e.count, cur.count);
    if (count < e.count || (keptMacs && e.valueMacs && keptMacs.length < e.valueMacs.length)) shrunk++;
    if (count === 0 || (keptMacs && keptMacs.length === 0)) {
      dropped++;
      continue;
    }
    entries.push({ ...e, count, ...(keptMacs ? { valueMacs: keptMacs } : {}) });
  }
  return { baseline: { ...baseline, entries }, dropped, shrunk };
}
