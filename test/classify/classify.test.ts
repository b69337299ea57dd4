import { describe, expect, it } from "vitest";
import { classificationOf, columnPasses, raiseConfidence } from "../../src/classify/classify.js";
import { ruleFromYaml } from "../helpers.js";

const rule = (column: string) =>
  ruleFromYaml(`
id: test.col
category: bsn
classification: special
patterns: [{ name: n, regex: '\\d{9}' }]
confidence: low
${column}
examples: { match: ["111222333"], no-match: ["1"] }
`, "test.col");

describe("classify", () => {
  it("only ever raises confidence", () => {
    expect(raiseConfidence("low", "high")).toBe("high");
    expect(raiseConfidence("high", "medium")).toBe("high");
  });

  it("takes the highest classification, none for nothing", () => {
    expect(classificationOf([])).toBe("none");
    expect(classificationOf([{ classification: "generic" }, { classification: "special" }])).toBe("special");
  });

  it("passes a column only far above the checksum's chance rate, with enough cells", () => {
    const r = rule("column: { minShare: 0.8, minCells: 3, confidence: high }");
    expect(columnPasses(r, { shaped: 10, valid: 9, hinted: false })).toBe(true);
    expect(columnPasses(r, { shaped: 10, valid: 1, hinted: false })).toBe(false); // about the 1-in-11 chance rate
    expect(columnPasses(r, { shaped: 2, valid: 2, hinted: false })).toBe(false); // too few cells
    expect(columnPasses(rule(""), { shaped: 10, valid: 10, hinted: true })).toBe(false); // no column test
  });

  it("asks for a hinting header where the rule says so", () => {
    const r = rule("column: { minShare: 0.8, minCells: 3, confidence: high, requireHeader: true }");
    expect(columnPasses(r, { shaped: 5, valid: 5, hinted: false })).toBe(false);
    expect(columnPasses(r, { shaped: 5, valid: 5, hinted: true })).toBe(true);
  });
});
