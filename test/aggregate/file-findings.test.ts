import { describe, expect, it } from "vitest";
import { FileFindings, DEFAULT_FINDING_LIMITS } from "../../src/aggregate/file-findings.js";
import { maskValue, sanitizeMessage } from "../../src/aggregate/mask.js";
import { detectInUnit, HeaderHints } from "../../src/detect/engine.js";
import type { TextUnit } from "../../src/model/types.js";
import { cell, headerCell, prose, ruleFromYaml } from "../helpers.js";

const bsnRule = ruleFromYaml(`
id: test.bsn
category: bsn
classification: special
patterns: [{ name: nine-digits, regex: '(?<!\\d)\\d{9}(?!\\d)', normalize: digits }]
validator: elfproef
confidence: low
context: { words: [bsn], confidence: high }
column: { minShare: 0.8, minCells: 3, confidence: high }
allow: [{ pattern: '^99999', note: testnummer }]
examples: { match: ["BSN 111222333"], no-match: ["123456789"] }
`, "test.bsn");

const emailRule = ruleFromYaml(`
id: test.email
category: email
classification: generic
patterns: [{ name: address, regex: '[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+' }]
confidence: medium
examples: { match: ["a@b.nl"], no-match: ["x"] }
`, "test.email");

// Valid by the 11-check, made up.
const BSNS = ["111222333", "123456782", "100000009", "100000010", "100000022"];

function collect(units: TextUnit[], minConfidence: "low" | "medium" | "high" = "medium") {
  const acc = new FileFindings({ ...DEFAULT_FINDING_LIMITS, minConfidence });
  const hints = new HeaderHints();
  for (const u of units) acc.add(u, detectInUnit(u, [bsnRule, emailRule], hints));
  return acc.finish();
}

describe("maskValue", () => {
  it("keeps only the last two characters", () => {
    expect(maskValue("111222333")).toBe("*******33");
    expect(maskValue("jan@example.nl")).toBe("************nl");
    expect(maskValue("1234")).toBe("****");
    expect(maskValue("1234 AB")).toBe("****AB");
  });
});

describe("sanitizeMessage", () => {
  it("strips quoted text, e-mail addresses and digit runs from library errors", () => {
    const out = sanitizeMessage('Invalid Closing Quote: got "Jansen" at line 3 near 111222333 for jan@example.nl');
    expect(out).not.toContain("Jansen");
    expect(out).not.toContain("111222333");
    expect(out).not.toContain("jan@example.nl");
    expect(out).toContain("line 3");
    expect(sanitizeMessage("ratio 1029:1 (204 KB → 200.0 MiB), phone 06-1234 5678")).toBe("ratio 1029:1 (204 KB → 200.0 MiB), phone #");
  });
});

describe("FileFindings", () => {
  it("counts, locates and masks prose matches; raw values never appear", () => {
    const r = collect([prose("Beste Jan,\nuw BSN is 111222333 en mail jan@example.nl", 10)]);
    expect(r.classification).toBe("special");
    const bsn = r.findings.find((f) => f.ruleId === "test.bsn")!;
    expect(bsn).toMatchObject({ category: "bsn", classification: "special", confidence: "high", count: 1, samples: ["*******33"] });
    expect(bsn.locations).toEqual([{ line: 11, column: 11 }]);
    expect(JSON.stringify(r)).not.toContain("111222333");
    expect(JSON.stringify(r)).not.toContain("jan@example.nl");
  });

  it("keeps low findings out of the report at the default minimum, and in with low", () => {
    expect(collect([prose("nummer 111222333")]).findings).toEqual([]);
    expect(collect([prose("nummer 111222333")]).classification).toBe("none");
    const low = collect([prose("nummer 111222333")], "low");
    expect(low.findings.map((f) => f.confidence)).toEqual(["low"]);
    expect(low.classification).toBe("special");
  });

  it("classifies a column whose values validate even though no single cell is convincing", () => {
    const units = [headerCell("Nummer", 1), ...BSNS.map((v, i) => cell(v, "Nummer", 1, i + 2))];
    const r = collect(units);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ ruleId: "test.bsn", confidence: "high", count: 5 });
    expect(r.findings[0].evidence).toContainEqual({ kind: "column", detail: "5/5 cells valid" });
    expect(r.columns).toEqual([{ name: "Nummer", index: 1, classification: "special", categories: ["bsn"] }]);
  });

  it("does not lift a column where most values fail the checksum", () => {
    const noise = ["123456789", "987654321", "555555555", "123123123", "111222333"];
    const r = collect([headerCell("Order", 0), ...noise.map((v, i) => cell(v, "Order", 0, i + 2))]);
    expect(r.findings).toEqual([]);
    expect(r.classification).toBe("none");
  });

  it("says how many of a finding's matches carry each note", () => {
    const r = collect([prose("BSN 999990019, BSN 999990020 en BSN 111222333")]);
    const f = r.findings.find((x) => x.ruleId === "test.bsn")!;
    expect(f.count).toBe(3);
    expect(f.notes).toEqual(["testnummer"]);
    expect(f.noteCounts).toEqual({ testnummer: 2 });
  });

  it("caps locations and samples but counts everything", () => {
    // Distinct endings, so the masked samples differ too.
    const units = Array.from({ length: 50 }, (_, i) => prose(`mail p${i}@example.nl${i + 10}`, i + 1));
    const f = collect(units).findings[0];
    expect(f.count).toBe(50);
    expect(f.locations).toHaveLength(DEFAULT_FINDING_LIMITS.maxLocations);
    expect(f.samples).toHaveLength(DEFAULT_FINDING_LIMITS.maxSamples);
  });
});
