// Measures a rule set on a labelled corpus: per category true and false positives, false
// negatives, precision and recall. The corpus is YAML (test/corpus/README.md): items of text,
// optionally a column header, and the categories truly present. An item counts as
// predicting a category when a rule of it fires at or above the minimum confidence.
import { readFileSync } from "node:fs";
import path from "node:path";
import fg from "fast-glob";
import { parse as parseYaml } from "yaml";
import type { Category, Confidence } from "../model/types.js";
import { CATEGORIES, atLeast, isCategory } from "../model/types.js";
import { detectInUnit, HeaderHints } from "../detect/engine.js";
import type { Detection, TraceEntry } from "../detect/engine.js";
import type { CompiledRule } from "./types.js";
import { textUnitFor } from "./examples.js";

export interface CorpusItem {
  /** Batch file, relative to the corpus folder. */
  file: string;
  index: number;
  text: string;
  header?: string;
  expect: Category[];
  tags: string[];
  lang: string;
}

export class CorpusError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CorpusError";
  }
}

/** The corpus's items; `batches` (globs relative to `dir`, e.g. "holdout4-*") picks batch files. */
export function loadCorpus(dir: string, batches: string[] = ["**/*.yaml", "**/*.yml"]): CorpusItem[] {
  const files = fg.sync(batches.map((b) => (/\.ya?ml$/.test(b) ? b : `${b}.yaml`)), { cwd: dir, onlyFiles: true }).sort();
  if (files.length === 0) throw new CorpusError(`${dir}: no corpus files (*.yaml)${batches.length ? ` matching ${batches.join(", ")}` : ""}`);
  const items: CorpusItem[] = [];
  for (const file of files) {
    const where = (at: string) => `${path.join(dir, file)}: ${at}`;
    let raw: unknown;
    try {
      raw = parseYaml(readFileSync(path.join(dir, file), "utf8"));
    } catch (err) {
      throw new CorpusError(where(`not valid YAML: ${(err as Error).message.split("\n")[0]}`));
    }
    const batch = raw as { lang?: unknown; items?: unknown };
    if (!batch || !Array.isArray(batch.items)) throw new CorpusError(where("items: must be a list"));
    const lang = typeof batch.lang === "string" ? batch.lang : "mixed";
    batch.items.forEach((value, index) => {
      const item = value as { text?: unknown; header?: unknown; expect?: unknown; tags?: unknown };
      if (typeof item?.text !== "string" || item.text === "") throw new CorpusError(where(`items[${index}].text: must be a non-empty string`));
      if (!Array.isArray(item.expect)) throw new CorpusError(where(`items[${index}].expect: must be a list of categories`));
      for (const c of item.expect) {
        if (typeof c !== "string" || !isCategory(c)) throw new CorpusError(where(`items[${index}].expect: unknown category ${JSON.stringify(c)}`));
      }
      items.push({
        file,
        index,
        text: item.text,
        header: typeof item.header === "string" ? item.header : undefined,
        expect: [...new Set(item.expect as Category[])],
        tags: Array.isArray(item.tags) ? item.tags.map(String) : [],
        lang,
      });
    });
  }
  return items;
}

export interface CategoryScore {
  category: Category;
  positives: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface ItemError {
  file: string;
  index: number;
  category: Category;
  kind: "fp" | "fn";
  text: string;
  header?: string;
  tags: string[];
  /** What the rules did with this category in the item: near misses for a FN, the evidence for a FP. */
  why: string[];
}

export interface EvalResult {
  minConfidence: Confidence;
  items: number;
  itemsByLang: Record<string, number>;
  byCategory: CategoryScore[];
  errors: ItemError[];
}

/** Every candidate match in `text` and what became of it (see TraceEntry), with the kept detections. */
function traceText(rules: readonly CompiledRule[], text: string, header?: string): { detections: Detection[]; trace: TraceEntry[] } {
  const trace: TraceEntry[] = [];
  const { detections } = detectInUnit(textUnitFor(text, header), rules, new HeaderHints(), trace);
  trace.sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId) || a.pattern.localeCompare(b.pattern));
  return { detections, trace };
}

export function explainText(rules: readonly CompiledRule[], text: string, header?: string): TraceEntry[] {
  return traceText(rules, text, header).trace;
}

/** One line per trace entry: `rule/pattern "matched text" outcome (detail)`. */
export function describeTrace(entry: TraceEntry, text: string): string {
  const what = entry.outcome === "kept" ? `${entry.confidence}` : entry.outcome === "overlapped" ? `${entry.confidence}, overlapped` : entry.outcome;
  return `${entry.ruleId}/${entry.pattern} ${JSON.stringify(text.slice(entry.start, entry.end))} ${what}${entry.detail ? ` (${entry.detail})` : ""}`;
}

/** The categories of `detections` at or above `minConfidence`. */
function categoriesAtLeast(detections: readonly Detection[], minConfidence: Confidence): Set<Category> {
  return new Set(detections.filter((d) => atLeast(d.confidence, minConfidence)).map((d) => d.rule.category));
}

/** The categories the rules find in one item at or above `minConfidence`. */
export function predictCategories(rules: readonly CompiledRule[], item: { text: string; header?: string }, minConfidence: Confidence): Set<Category> {
  return categoriesAtLeast(detectInUnit(textUnitFor(item.text, item.header), rules, new HeaderHints()).detections, minConfidence);
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

export function evaluate(rules: readonly CompiledRule[], items: CorpusItem[], minConfidence: Confidence = "medium"): EvalResult {
  const counts = new Map<Category, { tp: number; fp: number; fn: number }>();
  const errors: ItemError[] = [];
  const itemsByLang: Record<string, number> = {};
  for (const item of items) {
    itemsByLang[item.lang] = (itemsByLang[item.lang] ?? 0) + 1;
    // One detection pass per item: the trace for the error lines is collected in it.
    const { detections, trace } = traceText(rules, item.text, item.header);
    const predicted = categoriesAtLeast(detections, minConfidence);
    const expected = new Set(item.expect);
    for (const category of new Set([...predicted, ...expected])) {
      const c = counts.get(category) ?? { tp: 0, fp: 0, fn: 0 };
      counts.set(category, c);
      const err = (kind: "fp" | "fn") => {
        const why = trace
          .filter((t) => t.category === category && (kind === "fn" || (t.outcome === "kept" && atLeast(t.confidence!, minConfidence))))
          .map((t) => describeTrace(t, item.text));
        errors.push({ file: item.file, index: item.index, category, kind, text: item.text, header: item.header, tags: item.tags, why });
      };
      if (predicted.has(category) && expected.has(category)) c.tp++;
      else if (predicted.has(category)) {
        c.fp++;
        err("fp");
      } else {
        c.fn++;
        err("fn");
      }
    }
  }
  const byCategory: CategoryScore[] = CATEGORIES.filter((c) => counts.has(c)).map((category) => {
    const { tp, fp, fn } = counts.get(category)!;
    return { category, positives: tp + fn, tp, fp, fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) };
  });
  return { minConfidence, items: items.length, itemsByLang, byCategory, errors };
}

export function renderEvalTable(result: EvalResult): string {
  const lines = [
    `corpus: ${result.items} items (${Object.entries(result.itemsByLang).map(([l, n]) => `${l} ${n}`).join(", ")}); minimum confidence ${result.minConfidence}`,
    "",
    `${"category".padEnd(20)}${"pos".padStart(6)}${"TP".padStart(6)}${"FP".padStart(6)}${"FN".padStart(6)}${"precision".padStart(11)}${"recall".padStart(9)}`,
  ];
  for (const s of result.byCategory) {
    lines.push(
      `${s.category.padEnd(20)}${String(s.positives).padStart(6)}${String(s.tp).padStart(6)}${String(s.fp).padStart(6)}${String(s.fn).padStart(6)}` +
        `${s.precision.toFixed(3).padStart(11)}${s.recall.toFixed(3).padStart(9)}`,
    );
  }
  return `${lines.join("\n")}\n`;
}
