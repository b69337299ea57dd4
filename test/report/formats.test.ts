// The document formats as pure functions of a report: escaping of hostile names, Excel's
// formula trap in CSV, Markdown tables that stay tables, determinism.
import { describe, expect, it } from "vitest";
import type { FileReport, ScanReport } from "../../src/model/types.js";
import { renderReport } from "../../src/report/index.js";
import { neutralizeFormula } from "../../src/report/csv.js";
import { folderOf, formatLocation } from "../../src/report/view.js";
import { specialByFolder } from "../../src/report/html.js";

function file(path: string, over: Partial<FileReport> = {}): FileReport {
  return { path, format: "csv", size: 10, modifiedAt: "2026-01-01T00:00:00.000Z", status: "scanned", classification: "none", findings: [], ...over };
}

const hostile = file('a/<img src=x onerror="alert(1)">|=cmd.csv', {
  classification: "special",
  findings: [
    { ruleId: "nl.bsn", category: "bsn", classification: "special", confidence: "high", count: 2, locations: [{ row: 2, column: 3 }], samples: ["+31******78", "*******82"], evidence: [] },
  ],
});
const report: ScanReport = {
  schemaVersion: 1,
  tool: { name: "avg-scan", version: "0.0.0" },
  startedAt: "2026-01-02T03:04:05.000Z",
  finishedAt: "2026-01-02T03:04:06.000Z",
  roots: ["share"],
  options: { minConfidence: "medium", rulesetHash: "x", rules: 1 },
  summary: { filesScanned: 1, filesFailed: 1, filesSkipped: 0, bytesScanned: 20, byClassification: { none: 0, generic: 0, special: 1 }, byCategory: { bsn: 2 } },
  files: [hostile, file("b/kapot.xlsx", { format: "xlsx", status: "failed", error: { code: "CORRUPT", message: "truncated <zip>" } })],
} as ScanReport;

describe("html", () => {
  const html = renderReport(report, "html", { lang: "nl", color: false });
  it("escapes every name from the report", () => {
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).toContain("truncated &lt;zip&gt;");
  });
  it("forbids loading anything from outside", () => {
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    expect(html).not.toMatch(/\s(src|href)="(https?:)?\/\//);
  });
  it("speaks English on request", () => {
    expect(renderReport(report, "html", { lang: "en", color: false })).toContain("<h1>Personal data scan report</h1>");
  });
});

describe("csv", () => {
  const csv = renderReport(report, "csv", { lang: "nl", color: false });
  const lines = csv.slice(1).trimEnd().split("\r\n");
  it("has a header, a row per finding and a row for a failed file", () => {
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain("b/kapot.xlsx;xlsx;mislukt;geen;");
    expect(lines[2]).toContain(";CORRUPT;truncated <zip>");
  });
  it("quotes what needs it and keeps masked samples from becoming formulas", () => {
    expect(lines[1]).toContain(";'+31******78 | *******82;");
    expect(neutralizeFormula("=HYPERLINK(\"x\")")).toBe("'=HYPERLINK(\"x\")");
    expect(neutralizeFormula("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutralizeFormula("-1")).toBe("'-1");
    expect(neutralizeFormula("Jan")).toBe("Jan");
  });
  it("uses ',' and English headers with --lang en", () => {
    const en = renderReport(report, "csv", { lang: "en", color: false });
    expect(en.startsWith("\uFEFFPath,Format,Status,File classification,Rule,Category")).toBe(true);
  });
});

describe("md", () => {
  const md = renderReport(report, "md", { lang: "nl", color: false });
  it("keeps a pipe or markup in a name from breaking the table", () => {
    const row = md.split("\n").find((l) => l.includes("cmd.csv"))!;
    expect(row).toContain("\\<img src=x onerror=\"alert(1)\"\\>\\|=cmd.csv");
    expect(row.split(/(?<!\\)\|/).length).toBe(7); // 5 cells between 6 pipes
    expect(row).toContain("`+31******78`, `*******82`");
  });
  it("is deterministic", () => {
    expect(renderReport(report, "md", { lang: "nl", color: false })).toBe(md);
  });
});

describe("view helpers", () => {
  it("names the folder of a file and of an archive member", () => {
    expect(folderOf("hr/brief.docx")).toBe("hr");
    expect(folderOf("brief.docx")).toBe(".");
    expect(folderOf("exports/x.zip!/leden.csv")).toBe("exports/x.zip");
    expect(folderOf("exports/x.zip!/dir/leden.csv")).toBe("exports/x.zip!/dir");
  });
  it("formats a location in the report's language", () => {
    expect(formatLocation({ sheet: "Leden", cell: "C4", row: 4 }, "nl")).toBe("blad Leden, cel C4");
    expect(formatLocation({ line: 3, column: 7 }, "en")).toBe("line 3, column 7");
    expect(formatLocation({ page: 2, line: 5 }, "nl")).toBe("pagina 2, regel 5");
  });
  it("counts special files per folder, most first", () => {
    const files = [file("a/1", { classification: "special" }), file("b/1", { classification: "special" }), file("b/2", { classification: "special" }), file("c/1", { classification: "generic" })];
    expect(specialByFolder(files)).toEqual([{ folder: "b", files: 2 }, { folder: "a", files: 1 }]);
  });
});
