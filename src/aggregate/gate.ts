// What fails a CI job: a finding at or above --fail-on that the baseline does not cover, or,
// in a path with an allowance ("exports/marketing/*.csv may hold email and name"), any
// category the allowance does not name. --fail-on none never fails.
import picomatch from "picomatch";
import type { Allowance, FailOn } from "../config/config.js";
import type { Category, FindingClassification, ScanReport } from "../model/types.js";
import { CLASSIFICATION_RANK } from "../model/types.js";
import { regionsOf } from "./baseline.js";

export interface Violation {
  file: string;
  ruleId: string;
  category: Category;
  classification: FindingClassification;
  region: string;
  /** New matches (all of them without a baseline). */
  count: number;
  /** Why it fails: over the level, or a category an allowance does not name. */
  reason: "level" | "not-allowed";
}

export interface GateOptions {
  failOn: FailOn;
  allow?: Allowance[];
}

/** Matchers for the allowances; a glob without "/" matches the file name at any depth. */
function allowanceMatchers(allow: Allowance[]): { match: (p: string) => boolean; categories: Set<Category> }[] {
  return allow.map((a) => ({
    match: picomatch(a.paths.map((g) => (g.includes("/") ? g : `**/${g}`)), { dot: true }),
    categories: new Set(a.categories),
  }));
}

export function violations(report: ScanReport, options: GateOptions): Violation[] {
  if (options.failOn === "none") return [];
  const allowances = allowanceMatchers(options.allow ?? []);
  const out: Violation[] = [];
  for (const f of report.files) {
    const applying = allowances.filter((a) => a.match(f.path));
    for (const finding of f.findings) {
      const allowed = applying.some((a) => a.categories.has(finding.category));
      let reason: Violation["reason"] | undefined;
      if (applying.length > 0) reason = allowed ? undefined : "not-allowed";
      else if (CLASSIFICATION_RANK[finding.classification] >= CLASSIFICATION_RANK[options.failOn]) reason = "level";
      if (!reason) continue;
      for (const r of regionsOf(finding)) {
        const count = r.newCount ?? r.count;
        if (count > 0) out.push({ file: f.path, ruleId: finding.ruleId, category: finding.category, classification: finding.classification, region: r.region, count, reason });
      }
    }
  }
  return out;
}
