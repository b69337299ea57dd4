// Runs a rule's own examples through the real engine, the way ESLint runs valid/invalid
// cases: every `match` must be found (at the stated confidence), every `no-match` must not.
import { CONFIDENCE_RANK } from "../model/types.js";
import type { Confidence, TextUnit } from "../model/types.js";
import { detectInUnit, filenameUnit, HeaderHints } from "../detect/engine.js";
import type { CompiledRule, RuleExample } from "./types.js";

export interface ExampleFailure {
  ruleId: string;
  file: string;
  kind: "match" | "no-match";
  index: number;
  /** What was expected and what happened; examples are test data, so the text may be shown. */
  message: string;
}

/** A piece of text as a prose unit, or as a cell in a column with `header`. */
export function textUnitFor(text: string, header?: string): TextUnit {
  return header === undefined
    ? { text, kind: "prose", loc: { line: 1 } }
    : { text, kind: "cell", loc: { row: 2, field: header }, table: { column: 0, header } };
}

/** An example is a file path for rules that look at names only, else text (or a cell under `header`). */
function exampleUnit(rule: CompiledRule, example: RuleExample): TextUnit {
  return rule.scope === "filename" ? filenameUnit(example.text) : textUnitFor(example.text, example.header);
}

function strongest(confidences: Confidence[]): Confidence | undefined {
  return confidences.sort((a, b) => CONFIDENCE_RANK[b] - CONFIDENCE_RANK[a])[0];
}

export function checkRuleExamples(rule: CompiledRule): ExampleFailure[] {
  const failures: ExampleFailure[] = [];
  const hints = new HeaderHints();
  const describe = (e: RuleExample): string => JSON.stringify(e.text) + (e.header ? ` (header ${JSON.stringify(e.header)})` : "");

  rule.examples.match.forEach((example, index) => {
    const found = detectInUnit(exampleUnit(rule, example), [rule], hints).detections;
    const got = strongest(found.map((d) => d.confidence));
    if (got === undefined) {
      failures.push({ ruleId: rule.id, file: rule.file, kind: "match", index, message: `${describe(example)} was not found` });
    } else if (example.confidence && got !== example.confidence) {
      failures.push({
        ruleId: rule.id, file: rule.file, kind: "match", index,
        message: `${describe(example)} was found with confidence ${got}, expected ${example.confidence}`,
      });
    }
  });
  rule.examples.noMatch.forEach((example, index) => {
    const found = detectInUnit(exampleUnit(rule, example), [rule], hints).detections;
    if (found.length > 0) {
      const spans = found.map((d) => JSON.stringify(example.text.slice(d.start, d.end))).join(", ");
      failures.push({ ruleId: rule.id, file: rule.file, kind: "no-match", index, message: `${describe(example)} matched ${spans}` });
    }
  });
  return failures;
}
