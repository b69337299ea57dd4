// Compiled rules: what the detection engine runs. Produced by load.ts from the YAML files.
import type { Category, Confidence, FindingClassification } from "../model/types.js";

export type Normalization = "none" | "digits" | "alnum" | "upper-alnum" | "lower";

export interface CompiledMatcher {
  /** Pattern name, or "terms" for a term list; value-free, shown in the evidence. */
  name: string;
  regex: RegExp;
  /** Capture group holding the value; 0 for the whole match. */
  group: number;
  /** Term lists: the same regex with the sticky flag, tried only where a word starts like a term. */
  sticky?: RegExp;
}

export interface RuleExample {
  text: string;
  header?: string;
  confidence?: Confidence;
}

export interface CompiledRule {
  id: string;
  category: Category;
  classification: FindingClassification;
  description: string;
  locales: string[];
  /** The YAML file the rule came from (for error messages and `rules test`). */
  file: string;
  kind: "pattern" | "terms";
  /**
   * Prefilter words, lower-cased (`{{list}}` expanded): the rule runs only on a unit whose
   * text or header holds one of them; absent = always run. The engine finds the words of all
   * rules in one pass (detect/keyword-index.ts); in long text, patterns run only around them.
   */
  keywordList?: string[];
  /** The rule only runs on a unit where this matches (e.g. /\d/u: a digit somewhere). */
  prefilter?: RegExp;
  /**
   * Term lists: the lower-cased first letters/digits (at most 3) of every term. A unit none of
   * whose word starts is among them cannot match, so the big alternation is not run.
   * Absent when a term does not start with a letter or digit.
   */
  termPrefixes?: ReadonlySet<string>;
  matchers: CompiledMatcher[];
  normalize: Normalization;
  validator?: { name: string; check: (value: string) => boolean };
  confidence: Confidence;
  context?: {
    words: RegExp;
    window: number;
    confidence: Confidence;
    required: boolean;
    exclude?: RegExp;
  };
  headers?: {
    patterns: RegExp[];
    confidence: Confidence;
    /** A cell under a header matching one of these is not the rule's data (an `Artikelnummer` column of 06-numbers). */
    exclude: RegExp[];
    /** A free-text column of a person's record (Opmerkingen, Notes): raises a match to this confidence. */
    notes?: { patterns: RegExp[]; confidence: Confidence };
  };
  /**
   * Other personal data near a match supports it: a lone 11-check-valid number next to a
   * person's name and address in one record line is likelier a BSN than an order number.
   */
  support?: { categories: ReadonlySet<string>; window: number; confidence: Confidence; exclude?: RegExp };
  /** Categories whose matches may lie inside this rule's matches and are kept there (an address holds a postcode). */
  contains: ReadonlySet<string>;
  column?: { minShare: number; minCells: number; confidence: Confidence; requireHeader: boolean };
  allow: { pattern: RegExp; note: string }[];
  /** Where the rule looks: the file's content (default), its path and name, or both. */
  scope: "content" | "filename" | "both";
  /** A value-free remark added to every finding of the rule (e.g. why a document type is special). */
  note?: string;
  /** Dates of birth: a person younger than `under` years is a child (Art. 8): the finding says so. */
  child?: { under: number; note: string };
  examples: { match: RuleExample[]; noMatch: RuleExample[] };
}

export interface RuleSet {
  rules: CompiledRule[];
  /** Hash of every rule file's bytes and list file's bytes: identifies the rule set in reports and caches. */
  hash: string;
  /** The folders the rules were loaded from, in order. */
  dirs: string[];
}
