// Classification: the confidence ladder and the rules that turn findings into a
// classification of a column or a file (../shared/contract/categories.md: the highest
// classification of what was found at or above the minimum confidence).
import type { Classification, Confidence } from "../model/types.js";
import { CONFIDENCE_RANK, maxClassification } from "../model/types.js";
import type { CompiledRule } from "../ruleset/types.js";

/** The higher of two confidences: evidence only ever raises a match. */
export function raiseConfidence(a: Confidence, b: Confidence): Confidence {
  return CONFIDENCE_RANK[a] >= CONFIDENCE_RANK[b] ? a : b;
}

/** What a column says about one rule: cells its pattern matched, cells that also validated. */
export interface ColumnRuleStats {
  shaped: number;
  valid: number;
  /** The column header matched the rule's header patterns. */
  hinted: boolean;
}

/**
 * Whether a column as a whole is `rule`'s data: enough cells validate, far above the chance
 * rate of a checksum (one 9-digit number in eleven passes the 11-check), and the header
 * hints at the rule where the rule asks for that.
 */
export function columnPasses(rule: CompiledRule, stats: ColumnRuleStats): boolean {
  const spec = rule.column;
  if (!spec || stats.valid < spec.minCells || stats.valid / stats.shaped < spec.minShare) return false;
  return !spec.requireHeader || stats.hinted;
}

/** The highest classification among findings (none when there are none). */
export function classificationOf(findings: Iterable<{ classification: Classification }>): Classification {
  let result: Classification = "none";
  for (const f of findings) result = maxClassification(result, f.classification);
  return result;
}
