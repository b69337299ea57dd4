import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseReport, ReportInputError } from "../../src/model/read-report.js";

const REPO = path.resolve(__dirname, "../..");
const SHARED_SCHEMA = path.resolve(REPO, "../shared/contract/report.schema.json");

describe("reading a saved report", () => {
  it("checks against a copy of the contract's schema that is identical to it", () => {
    // The shared contract sits next to the project in development and CI.
    expect(existsSync(SHARED_SCHEMA)).toBe(true);
    expect(JSON.parse(readFileSync(path.join(REPO, "src/model/report.schema.json"), "utf8"))).toEqual(JSON.parse(readFileSync(SHARED_SCHEMA, "utf8")));
  });
  it("refuses what is not JSON or not a report, with the reasons", () => {
    expect(() => parseReport("nope", "x.json")).toThrow(ReportInputError);
    expect(() => parseReport('{"schemaVersion":1}', "x.json")).toThrow(/x\.json is not an avg-scan JSON report: \/ must have required property 'tool'/);
  });
});
