// The detectors measured on the labelled corpus in test/corpus, with the quality targets of
// issue #3 as assertions: a change that lowers precision or recall below them fails CI.
// `npm run eval` prints the same numbers as a table (and writes eval-results.json).
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BUILTIN_RULES_DIR, loadRuleSet } from "../src/ruleset/load.js";
import { evaluate, loadCorpus, predictCategories } from "../src/ruleset/evaluate.js";
import type { Category } from "../src/model/types.js";

const corpus = loadCorpus(path.resolve(__dirname, "corpus"));
const rules = loadRuleSet([BUILTIN_RULES_DIR]).rules;
const result = evaluate(rules, corpus, "medium");
const score = (c: Category) => result.byCategory.find((s) => s.category === c);

/**
 * Categories that do not yet reach the target on this corpus, with the precision and
 * recall measured when they were listed. Issue #3 stays open while this list is not empty.
 * Their numbers may not drop below these floors; once a category meets its target, the test
 * fails until its entry is removed, so the list only ever shrinks.
 */
const BELOW_TARGET: Partial<Record<Category, { precision: number; recall: number }>> = {
  // Fell below the target when the held-out batches 3 to 6 (holdout3-* … holdout6-*: 1,177
  // items written blind) were added: on text their authors never saw, the rules find 0.61–0.95
  // of these categories. Measured 2026-11-25 after the fifth round of rule work, with
  // holdout6 in the corpus; floors are those numbers rounded down. (Trade-union left the list
  // in round 4 and genetic in round 5; political traded 0.008 precision for 0.036 recall when
  // names began to count as support for party terms, see rules/lists/public-roles.txt.)
  health: { precision: 0.954, recall: 0.882 },
  political: { precision: 0.985, recall: 0.884 },
  "sexual-orientation": { precision: 0.992, recall: 0.843 },
  biometric: { precision: 0.992, recall: 0.89 },
  criminal: { precision: 0.968, recall: 0.846 },
};

/** The target for a category, or (while it is listed above) its floor. */
function expectQuality(c: Category, target: { precision: number; recall: number }): void {
  const s = score(c)!;
  const floor = BELOW_TARGET[c];
  if (!floor) {
    expect(s.recall, `${c} recall`).toBeGreaterThanOrEqual(target.recall);
    expect(s.precision, `${c} precision`).toBeGreaterThanOrEqual(target.precision);
    return;
  }
  expect(s.recall, `${c} recall fell below its floor`).toBeGreaterThanOrEqual(floor.recall);
  expect(s.precision, `${c} precision fell below its floor`).toBeGreaterThanOrEqual(floor.precision);
  const meets = s.recall >= target.recall && s.precision >= target.precision;
  expect(meets, `${c} now meets its target: remove it from BELOW_TARGET`).toBe(false);
}

const CHECKSUM: Category[] = ["bsn", "iban", "be-national-number", "credit-card"];
const CONTACT: Category[] = ["email", "phone", "postcode"];
const SPECIAL: Category[] = ["health", "religion", "ethnicity", "political", "sexual-orientation", "trade-union", "genetic", "biometric", "criminal"];

describe("labelled corpus", () => {
  it("has at least 600 items, at least half of them Dutch", () => {
    expect(corpus.length).toBeGreaterThanOrEqual(600);
    expect((result.itemsByLang.nl ?? 0) / corpus.length).toBeGreaterThanOrEqual(0.5);
  });

  it.each(CHECKSUM)("%s: recall ≥ 0.99", (c) => {
    expect(score(c)?.positives ?? 0).toBeGreaterThanOrEqual(20);
    expectQuality(c, { recall: 0.99, precision: 0 });
  });

  it("checksum identifiers: no finding on a number that fails its checksum", () => {
    const failing = corpus.filter((i) => i.tags.includes("checksum-fail"));
    expect(failing.length).toBeGreaterThanOrEqual(20);
    const wrong = failing.filter((i) => CHECKSUM.some((c) => predictCategories(rules, i, "medium").has(c) && !i.expect.includes(c)));
    expect(wrong.map((i) => `${i.file}#${i.index}: ${i.text}`)).toEqual([]);
  });

  it.each(CONTACT)("%s: recall ≥ 0.97, precision ≥ 0.95", (c) => {
    expect(score(c)?.positives ?? 0).toBeGreaterThanOrEqual(20);
    expectQuality(c, { recall: 0.97, precision: 0.95 });
  });

  it.each(SPECIAL)("%s: recall ≥ 0.90, precision ≥ 0.90", (c) => {
    expect(score(c)?.positives ?? 0).toBeGreaterThanOrEqual(15);
    expectQuality(c, { recall: 0.9, precision: 0.9 });
  });

  it("name: recall ≥ 0.85, precision ≥ 0.85", () => {
    expect(score("name")?.positives ?? 0).toBeGreaterThanOrEqual(20);
    expectQuality("name", { recall: 0.85, precision: 0.85 });
  });

  it("lists only categories that exist in the corpus", () => {
    for (const c of Object.keys(BELOW_TARGET) as Category[]) expect(score(c), c).toBeDefined();
  });
});
