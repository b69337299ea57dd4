import fs from "node:fs";
import path from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvExtractor } from "../../src/extract/csv.js";
import { isHeaderRow } from "../../src/extract/table.js";
import type { TextUnit } from "../../src/model/types.js";
import { collect, ctx, extractUnits, makeTempDir, removeDir, sourceFor, unitsOf } from "./helpers.js";

let dir: string;
const write = (name: string, data: Buffer | string) => fs.writeFileSync(path.join(dir, name), data);

beforeAll(() => {
  dir = makeTempDir("csv");
  write("ansi.csv", iconv.encode("Naam;Plaats;Bedrag\r\nZoë Müller;Leeuwarden;€ 12,50\r\nRené Kuiper;Ede;€ 3\r\n", "windows-1252"));
  write("bom.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("naam,email\nJan,jan@example.nl\n")]));
  write("utf16.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode("naam\temail\nAnja\tanja@example.nl\n", "utf16le")]));
  write("tabs.tsv", "voornaam\tachternaam\nKees\tde Vries\n");
  write("pipes.csv", "id|naam|telefoon\n1|Piet|0612345678\n2|Klaas|0201234567\n");
  write("quoted.csv", 'naam,adres,woonplaats\n"Jansen, J.","Kerkstraat 1, 2e etage",Utrecht\n"Multi\nline","a ""quote""",Delft\n');
  write("noheader.csv", "Jan,jan@example.nl,1980-05-17\nPiet,piet@example.nl,1975-01-02\n");
  write("ragged.csv", "a,b\n1,2,3\n\n,,\n4\n");
});
afterAll(() => removeDir(dir));

const cells = (units: TextUnit[]) => units.filter((u) => u.kind === "cell");

describe("csv extractor", () => {
  it("decodes a ;-separated windows-1252 file (é, ë, €) with a header row", async () => {
    const units = await extractUnits(await sourceFor(dir, "ansi.csv"));
    expect(units.filter((u) => u.kind === "header")).toEqual([
      { kind: "header", text: "Naam", loc: { row: 1, field: "Naam" }, table: { column: 0, header: "Naam" } },
      { kind: "header", text: "Plaats", loc: { row: 1, field: "Plaats" }, table: { column: 1, header: "Plaats" } },
      { kind: "header", text: "Bedrag", loc: { row: 1, field: "Bedrag" }, table: { column: 2, header: "Bedrag" } },
    ]);
    expect(cells(units)).toEqual([
      { kind: "cell", text: "Zoë Müller", loc: { row: 2, field: "Naam" }, table: { column: 0, header: "Naam" } },
      { kind: "cell", text: "Leeuwarden", loc: { row: 2, field: "Plaats" }, table: { column: 1, header: "Plaats" } },
      { kind: "cell", text: "€ 12,50", loc: { row: 2, field: "Bedrag" }, table: { column: 2, header: "Bedrag" } },
      { kind: "cell", text: "René Kuiper", loc: { row: 3, field: "Naam" }, table: { column: 0, header: "Naam" } },
      { kind: "cell", text: "Ede", loc: { row: 3, field: "Plaats" }, table: { column: 1, header: "Plaats" } },
      { kind: "cell", text: "€ 3", loc: { row: 3, field: "Bedrag" }, table: { column: 2, header: "Bedrag" } },
    ]);
  });

  it("handles a UTF-8 BOM and UTF-16LE", async () => {
    const bom = await extractUnits(await sourceFor(dir, "bom.csv"));
    expect(bom[0]).toMatchObject({ kind: "header", text: "naam" });
    expect(cells(bom).map((u) => [u.text, u.loc.field])).toEqual([
      ["Jan", "naam"],
      ["jan@example.nl", "email"],
    ]);
    const utf16 = await extractUnits(await sourceFor(dir, "utf16.csv"));
    expect(utf16.map((u) => u.text)).toEqual(["naam", "email", "Anja", "anja@example.nl"]);
  });

  it("detects tab and pipe delimiters", async () => {
    const tabs = await extractUnits(await sourceFor(dir, "tabs.tsv"));
    expect(cells(tabs).map((u) => u.text)).toEqual(["Kees", "de Vries"]);
    const pipes = await extractUnits(await sourceFor(dir, "pipes.csv"));
    expect(cells(pipes).map((u) => `${u.loc.row}:${u.loc.field}=${u.text}`)).toEqual([
      "2:id=1",
      "2:naam=Piet",
      "2:telefoon=0612345678",
      "3:id=2",
      "3:naam=Klaas",
      "3:telefoon=0201234567",
    ]);
  });

  it("keeps the delimiter inside quoted fields", async () => {
    const units = await extractUnits(await sourceFor(dir, "quoted.csv"));
    expect(cells(units).map((u) => u.text)).toEqual([
      "Jansen, J.",
      "Kerkstraat 1, 2e etage",
      "Utrecht",
      "Multi\nline",
      'a "quote"',
      "Delft",
    ]);
    expect(cells(units)[3].loc).toEqual({ row: 3, field: "naam" });
  });

  it("treats a first row of data as data", async () => {
    const units = await extractUnits(await sourceFor(dir, "noheader.csv"));
    expect(units.some((u) => u.kind === "header")).toBe(false);
    expect(units[0]).toEqual({ kind: "cell", text: "Jan", loc: { row: 1, field: "#1" }, table: { column: 0 } });
    expect(units[4]).toEqual({ kind: "cell", text: "piet@example.nl", loc: { row: 2, field: "#2" }, table: { column: 1 } });
  });

  it("copes with ragged rows and skips empty cells and lines", async () => {
    const units = unitsOf(await collect(csvExtractor.extract(await sourceFor(dir, "ragged.csv"), ctx())));
    expect(units.map((u) => `${u.kind}:${u.loc.row}:${u.loc.field}:${u.text}`)).toEqual([
      "header:1:a:a",
      "header:1:b:b",
      "cell:2:a:1",
      "cell:2:b:2",
      "cell:2:#3:3",
      "cell:4:a:4",
    ]);
  });
});

describe("isHeaderRow", () => {
  it("accepts names and rejects data-looking rows", () => {
    expect(isHeaderRow(["Naam", "E-mail", "Geboortedatum"])).toBe(true);
    expect(isHeaderRow(["Naam", ""])).toBe(false);
    expect(isHeaderRow(["Jan", "jan@example.nl"])).toBe(false);
    expect(isHeaderRow(["Jan", "1980-05-17"])).toBe(false);
    expect(isHeaderRow(["Jan", "12,50"])).toBe(false);
    expect(isHeaderRow(["naam", "Naam"])).toBe(false);
  });
});
