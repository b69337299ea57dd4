import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { textExtractor } from "../../src/extract/text.js";
import { LineSplitter, ProseBuffer, PROSE_CHUNK_CHARS } from "../../src/extract/units.js";
import { collect, ctx, makeTempDir, removeDir, sourceFor, unitsOf } from "./helpers.js";

let dir: string;
beforeAll(() => {
  dir = makeTempDir("text");
  fs.writeFileSync(path.join(dir, "short.txt"), "\n\n  Jan Jansen\r\nwoont in Utrecht  \n\n");
  // ~300 KiB: paragraphs of 10 lines separated by blank lines; line n contains "line n".
  const lines: string[] = [];
  for (let n = 1; n <= 6000; n++) lines.push(n % 11 === 0 ? "" : `line ${n} ${"x".repeat(40)}`);
  fs.writeFileSync(path.join(dir, "long.txt"), lines.join("\n"));
  fs.writeFileSync(path.join(dir, "oneline.txt"), "y".repeat(200_000));
});
afterAll(() => removeDir(dir));

describe("text extractor", () => {
  it("yields trimmed prose with the line it starts on", async () => {
    const units = unitsOf(await collect(textExtractor.extract(await sourceFor(dir, "short.txt"), ctx())));
    expect(units).toEqual([{ kind: "prose", text: "Jan Jansen\nwoont in Utrecht", loc: { line: 3 } }]);
  });

  it("splits big files into units of at most 64 KiB at blank lines, keeping line numbers right", async () => {
    const units = unitsOf(await collect(textExtractor.extract(await sourceFor(dir, "long.txt"), ctx())));
    expect(units.length).toBeGreaterThan(4);
    for (const u of units) {
      expect(u.text.length).toBeLessThanOrEqual(PROSE_CHUNK_CHARS);
      const first = /^line (\d+) /.exec(u.text);
      expect(first).not.toBeNull();
      expect(Number(first![1])).toBe(u.loc.line);
      // the split was at a blank line: a unit ends just before a multiple of 11
      const lastNo = Number(/line (\d+) x+$/.exec(u.text)![1]);
      if (u !== units[units.length - 1]) expect((lastNo + 1) % 11).toBe(0);
    }
  });

  it("cuts a file without line breaks into pieces of the same line", async () => {
    const units = unitsOf(await collect(textExtractor.extract(await sourceFor(dir, "oneline.txt"), ctx())));
    expect(units.map((u) => u.text.length).reduce((a, b) => a + b, 0)).toBe(200_000);
    expect(units.every((u) => u.loc.line === 1 && u.text.length <= PROSE_CHUNK_CHARS)).toBe(true);
  });
});

describe("ProseBuffer and LineSplitter", () => {
  it("numbers lines across chunk boundaries and CRLF", () => {
    const s = new LineSplitter();
    const lines = [...s.push("a\r"), ...s.push("\nb\nc"), ...s.push("d\n"), ...s.end()];
    expect(lines).toEqual([
      { text: "a", line: 1 },
      { text: "b", line: 2 },
      { text: "cd", line: 3 },
    ]);
  });

  it("prefers the last blank line as split point", () => {
    const p = new ProseBuffer(20);
    const out = [...p.add("aaaaa", 1), ...p.add("", 2), ...p.add("bbbbb", 3), ...p.add("ccccccccc", 4), ...p.flush()];
    expect(out).toEqual([
      { text: "aaaaa", line: 1 },
      { text: "bbbbb\nccccccccc", line: 3 },
    ]);
  });
});
