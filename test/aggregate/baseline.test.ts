// Baseline and gate as pure functions over a report: counts per region, values per region with
// a key, what is stale, pruning, and what fails with --fail-on and allowances.
import { describe, expect, it } from "vitest";
import type { FileReport, Finding, ScanReport } from "../../src/model/types.js";
import { applyBaseline, buildBaseline, keyCheck, pruneBaseline, regionKey, type ValueMacs } from "../../src/aggregate/baseline.js";
import { violations } from "../../src/aggregate/gate.js";
import { valueMac } from "../../src/aggregate/file-findings.js";

function finding(ruleId: string, category: Finding["category"], classification: Finding["classification"], regions: [string, number][], confidence: Finding["confidence"] = "high"): Finding {
  const count = regions.reduce((n, [, c]) => n + c, 0);
  return { ruleId, category, classification, confidence, count, locations: [{ row: 1 }], samples: ["***"], evidence: [], regions: regions.map(([region, c]) => ({ region, count: c })) };
}
function reportOf(files: { path: string; findings: Finding[] }[]): ScanReport {
  return {
    schemaVersion: 1, tool: { name: "avg-scan", version: "0" }, startedAt: "2026-01-01T00:00:00.000Z", finishedAt: "2026-01-01T00:00:01.000Z", roots: ["x"],
    options: { minConfidence: "medium", rulesetHash: "h", rules: 1 },
    summary: { filesScanned: 0, filesFailed: 0, filesSkipped: 0, bytesScanned: 0, byClassification: { none: 0, generic: 0, special: 0 }, byCategory: {} },
    files: files.map((f): FileReport => ({ path: f.path, format: "csv", size: 1, modifiedAt: "2026-01-01T00:00:00.000Z", status: "scanned", classification: "special", findings: f.findings })),
  } as ScanReport;
}

describe("baseline by counts", () => {
  const before = reportOf([{ path: "a.csv", findings: [finding("nl.bsn", "bsn", "special", [["column bsn", 2]]), finding("generic.email", "email", "generic", [["column email", 2]])] }]);
  const base = buildBaseline(before, undefined, undefined);

  it("records file, rule, region and count, merging confidences", () => {
    const two = reportOf([{ path: "a.csv", findings: [finding("nl.bsn", "bsn", "special", [["text", 2]], "high"), finding("nl.bsn", "bsn", "special", [["text", 3]], "medium")] }]);
    expect(buildBaseline(two, undefined, undefined).entries).toEqual([{ file: "a.csv", rule: "nl.bsn", region: "text", count: 5 }]);
    expect(base.keyCheck).toBeUndefined();
  });
  it("marks only what is above the recorded count as new, on the highest confidence first", () => {
    const now = reportOf([{ path: "a.csv", findings: [finding("nl.bsn", "bsn", "special", [["column bsn", 2]], "high"), finding("nl.bsn", "bsn", "special", [["column bsn", 1]], "medium"), finding("generic.email", "email", "generic", [["column email", 2]])] }]);
    const r = applyBaseline(now, base, undefined, undefined);
    expect(r).toMatchObject({ suppressed: 4, fresh: 1, stale: [], mode: "counts" });
    expect(now.files[0].findings.map((f) => f.regions![0].newCount)).toEqual([1, 0, 0]);
    expect(violations(now, { failOn: "special" })).toEqual([{ file: "a.csv", ruleId: "nl.bsn", category: "bsn", classification: "special", region: "column bsn", count: 1, reason: "level" }]);
    expect(violations(now, { failOn: "none" })).toEqual([]);
  });
  it("calls entries stale whose data is gone, and prunes them", () => {
    const now = reportOf([{ path: "a.csv", findings: [finding("nl.bsn", "bsn", "special", [["column bsn", 1]])] }]);
    const r = applyBaseline(now, base, undefined, undefined);
    expect(r.stale.map((s) => [s.entry.rule, s.gone])).toEqual([["generic.email", 2], ["nl.bsn", 1]]);
    const p = pruneBaseline(base, now, undefined);
    expect(p).toMatchObject({ dropped: 1, shrunk: 1 });
    expect(p.baseline.entries).toEqual([{ file: "a.csv", rule: "nl.bsn", region: "column bsn", count: 1 }]);
  });
});

describe("baseline by keyed values", () => {
  const key = "k";
  const macsOf = (file: string, rule: string, region: string, values: string[]): ValueMacs => new Map([[regionKey(file, rule, region), new Set(values.map((v) => valueMac(key, v)))]]);
  const report = () => reportOf([{ path: "a.csv", findings: [finding("nl.bsn", "bsn", "special", [["column bsn", 2]])] }]);
  const base = buildBaseline(report(), macsOf("a.csv", "nl.bsn", "column bsn", ["111222333", "123456782"]), key);

  it("holds keyed hashes of normalised values and a key check", () => {
    expect(base.keyCheck).toBe(keyCheck(key));
    expect(base.entries[0].valueMacs).toEqual([valueMac(key, "111 222 333"), valueMac(key, "123.456.782")].sort());
  });
  it("finds a replaced value that counts alone would miss", () => {
    const now = report();
    const r = applyBaseline(now, base, macsOf("a.csv", "nl.bsn", "column bsn", ["111222333", "100000009"]), key);
    expect(r).toMatchObject({ fresh: 1, suppressed: 1, mode: "values" });
    expect(r.stale.map((s) => s.gone)).toEqual([1]);
    expect(applyBaseline(report(), base, undefined, undefined).fresh).toBe(0); // counts only: unchanged
  });
  it("refuses another key", () => {
    expect(() => applyBaseline(report(), base, new Map(), "other")).toThrow(/not the key/);
  });
});

describe("allowances", () => {
  const now = reportOf([
    { path: "exports/marketing/mailing.csv", findings: [finding("generic.email", "email", "generic", [["column email", 3]]), finding("nl.phone", "phone", "generic", [["column tel", 1]])] },
    { path: "hr/lijst.csv", findings: [finding("generic.email", "email", "generic", [["column email", 1]])] },
  ]);
  it("fail on any category the allowance does not name, at any level", () => {
    const v = violations(now, { failOn: "special", allow: [{ paths: ["exports/marketing/*.csv"], categories: ["email", "name"] }] });
    expect(v.map((x) => [x.file, x.ruleId, x.reason])).toEqual([["exports/marketing/mailing.csv", "nl.phone", "not-allowed"]]);
  });
  it("match a glob without a slash at any depth", () => {
    const v = violations(now, { failOn: "generic", allow: [{ paths: ["*.csv"], categories: ["email", "phone"] }] });
    expect(v).toEqual([]);
  });
});
