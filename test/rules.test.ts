// Every rule's own examples, run through the real loader and engine (gitleaks/ESLint style):
// a rule whose examples fail breaks the build.
import { describe, expect, it } from "vitest";
import { BUILTIN_RULES_DIR, loadRuleSet } from "../src/ruleset/load.js";
import { checkRuleExamples } from "../src/ruleset/examples.js";

const ruleSet = loadRuleSet([BUILTIN_RULES_DIR], { thorough: true });

describe("built-in rules", () => {
  it("load, and cover the categories issue #2 asks for", () => {
    const categories = new Set(ruleSet.rules.map((r) => r.category));
    for (const c of ["bsn", "iban", "email", "phone", "postcode", "date-of-birth", "be-national-number", "credit-card", "ip-address", "health", "criminal"]) {
      expect(categories, c).toContain(c);
    }
  });

  for (const rule of ruleSet.rules) {
    it(`${rule.id}: examples hold`, () => {
      expect(rule.examples.match.length).toBeGreaterThan(0);
      expect(rule.examples.noMatch.length).toBeGreaterThan(0);
      expect(checkRuleExamples(rule).map((f) => `${f.kind}[${f.index}]: ${f.message}`)).toEqual([]);
    });
  }
});
