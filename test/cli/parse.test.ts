import { describe, expect, it } from "vitest";
import { formatForOutput, parsePositiveInt, parseSize } from "../../src/cli/parse.js";
import { fitLine } from "../../src/cli/scan-command.js";

describe("option values", () => {
  it("reads sizes with 1024-based units", () => {
    expect(parseSize("2048")).toBe(2048);
    expect(parseSize("500KB")).toBe(500 * 1024);
    expect(parseSize("1.5g")).toBe(Math.floor(1.5 * 1024 ** 3));
    expect(() => parseSize("veel")).toThrow(/is not a size/);
    expect(() => parseSize("10 parsecs")).toThrow(/is not a size/);
  });

  it("takes the report format from the output file's extension", () => {
    const formats = ["text", "json", "html", "md", "csv", "sarif"];
    expect(["r.json", "R.HTML", "r.htm", "out/r.sarif", "r.txt", "r.md", "r.csv"].map((f) => formatForOutput(f, formats))).toEqual([
      "json", "html", "html", "sarif", "text", "md", "csv",
    ]);
    expect(formatForOutput("r.xlsx", formats)).toBeUndefined();
    expect(formatForOutput("rapport", formats)).toBeUndefined();
    expect(formatForOutput(undefined, formats)).toBeUndefined();
  });

  it("reads whole numbers of at least 1", () => {
    expect(parsePositiveInt("4")).toBe(4);
    expect(() => parsePositiveInt("0")).toThrow();
    expect(() => parsePositiveInt("1.5")).toThrow();
  });
});

describe("progress line", () => {
  it("keeps the end of a long path so the line fits the terminal", () => {
    const line = fitLine(`Scannen 5/10 ${"map/".repeat(40)}brief.docx`, 60);
    expect(line.length).toBeLessThanOrEqual(57);
    expect(line.endsWith("brief.docx")).toBe(true);
    expect(fitLine("kort", 60)).toBe("kort");
  });
});
