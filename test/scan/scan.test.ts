// The programmatic API end to end (through the built worker pool in dist/): robustness of
// the pool, header guarding, and that one bad file never costs the others.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { scan } from "../../dist/index.js";

const T = 60_000;

function share(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "avg-scan-"));
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

describe("scan()", () => {
  it("turns a file that takes too long into a TIMEOUT entry and finishes the scan", async () => {
    const dir = share({ "a.txt": "BSN 111222333\n", "b.txt": "niets\n" });
    const report = await scan({ roots: [dir], fileTimeoutMs: 1, jobs: 1 });
    expect(report.files.map((f) => [f.path, f.status, f.error?.code])).toEqual([
      ["a.txt", "failed", "TIMEOUT"],
      ["b.txt", "failed", "TIMEOUT"],
    ]);
    expect(report.summary).toMatchObject({ filesScanned: 0, filesFailed: 2 });
  }, T);

  it("names a column by its number when the header row is itself data", async () => {
    const dir = share({ "export.csv": "Jan;jan@example.nl\nPiet;piet@example.nl\nKees;kees@example.nl\n" });
    const report = await scan({ roots: [dir] });
    const file = report.files[0];
    expect(file.classification).toBe("generic");
    expect(file.columns?.map((c) => c.name)).toEqual(["#2"]);
    const bytes = JSON.stringify(report);
    expect(bytes).not.toContain("jan@example.nl");
    expect(bytes).not.toContain("piet@example.nl");
  }, T);

  it("counts bytes and classifications in the summary", async () => {
    const dir = share({ "brief.txt": "Uw BSN is 111222333.\n", "leeg.txt": "", "mail.txt": "mail jan@example.nl\n" });
    const report = await scan({ roots: [dir], jobs: 2 });
    expect(report.summary).toMatchObject({
      filesScanned: 3, filesFailed: 0, filesSkipped: 0,
      byClassification: { none: 1, generic: 1, special: 1 },
      byCategory: { email: 1, bsn: 1 },
    });
    expect(report.summary.bytesScanned).toBe(21 + 20);
  }, T);
});
