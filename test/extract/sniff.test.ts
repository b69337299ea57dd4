import crypto from "node:crypto";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { sniffSource } from "../../src/extract/sniff.js";
import { bufferSource } from "../../src/extract/source.js";
import { zipBuffer } from "./helpers.js";

const OLE2 = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]);

function sniff(name: string, content: Buffer | string) {
  return sniffSource(bufferSource(name, typeof content === "string" ? Buffer.from(content) : content, new Date(0), 0));
}

function format(name: string, content: Buffer | string): string {
  const r = sniff(name, content);
  return r.kind === "format" ? r.format : `reject:${r.status}:${r.code}`;
}

describe("sniffSource", () => {
  it("uses magic bytes first", async () => {
    expect(format("report.txt", "%PDF-1.7\n...")).toBe("pdf");
    const zip = await zipBuffer([{ name: "a.txt", data: "x" }]);
    expect(format("archive.zip", zip)).toBe("zip");
    expect(format("book.xlsx", zip)).toBe("xlsx");
    expect(format("letter.docx", zip)).toBe("docx");
    expect(format("thing.bin", zip)).toBe("zip");
    expect(format("log.txt", "Converted to %PDF-1.4 today")).toBe("txt");
    expect(format("x.pdf", Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.from("%PDF-1.4\n"), Buffer.alloc(10)]))).toBe("pdf");
  });

  it("recognises OOXML zips by their entry names", async () => {
    const xlsx = await zipBuffer([
      { name: "[Content_Types].xml", data: "<Types/>" },
      { name: "xl/workbook.xml", data: "<workbook/>" },
    ]);
    const docx = await zipBuffer([
      { name: "[Content_Types].xml", data: "<Types/>" },
      { name: "word/document.xml", data: "<document/>" },
    ]);
    expect(format("export", xlsx)).toBe("xlsx");
    expect(format("a.zip!/download", docx)).toBe("docx");
    expect(format("misnamed.xlsx", docx)).toBe("docx");
  });

  it("sorts OLE2 containers into encrypted OOXML, legacy Office and other binaries", () => {
    const enc = sniff("salaris.xlsx", OLE2);
    expect(enc).toMatchObject({ kind: "reject", status: "failed", code: "ENCRYPTED", format: "xlsx" });
    expect(format("brief.docx", OLE2)).toBe("reject:failed:ENCRYPTED");
    const legacy = sniff("oud.doc", OLE2);
    expect(legacy).toMatchObject({ kind: "reject", status: "failed", code: "UNSUPPORTED" });
    expect(legacy.kind === "reject" && legacy.message).toContain("legacy binary Office format");
    expect(format("mail.msg", OLE2)).toBe("reject:failed:UNSUPPORTED");
    expect(format("Thumbs.db", OLE2)).toBe("reject:skipped:BINARY");
  });

  it("rejects binary content that claims a document format as CORRUPT, other binaries as BINARY", () => {
    const random = crypto.randomBytes(4096);
    random[0] = 0x00; // make sure it has a NUL byte and no magic
    random[1] = 0x01;
    const r = sniff("export.xlsx", random);
    expect(r).toMatchObject({ kind: "reject", status: "failed", code: "CORRUPT" });
    expect(r.kind === "reject" && r.message).toContain("not a valid XLSX file");
    expect(format("scan.pdf", random)).toBe("reject:failed:CORRUPT");
    expect(format("foto.jpg", random)).toBe("reject:skipped:BINARY");
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)]);
    expect(sniff("logo.png", png)).toMatchObject({ kind: "reject", code: "BINARY", message: "binary file (PNG image)" });
  });

  it("maps text files by extension", () => {
    expect(format("a.csv", "a,b\n1,2\n")).toBe("csv");
    expect(format("a.tsv", "a\tb\n")).toBe("csv");
    expect(format("a.json", '{"a": 1}')).toBe("json");
    expect(format("a.json", '{"a": 1}\n{"a": 2}\n')).toBe("ndjson");
    expect(format("a.jsonl", '{"a": 1}\n')).toBe("ndjson");
    expect(format("a.htm", "<p>hoi</p>")).toBe("html");
    expect(format("notes.txt", "hallo wereld")).toBe("txt");
  });

  it("decides unknown and .txt files by content", () => {
    expect(format("data", '  [{"naam": "Jan"}, {"naam": "Piet"}]')).toBe("json");
    expect(format("dump.txt", '{"a": 1}\n{"a": 2}\n{"a": 3}\n')).toBe("ndjson");
    expect(format("page", "<!DOCTYPE html><html><body>x</body></html>")).toBe("html");
    expect(format("readme.md", "[1] Introduction\nSome text")).toBe("txt");
    expect(format("log.log", "{ not json at all")).toBe("txt");
    expect(format("empty.txt", "")).toBe("txt");
    expect(format("empty.xlsx", "")).toBe("txt");
  });

  it("treats a text file named .xls/.xlsx with consistent delimiters as CSV", () => {
    expect(format("crm-export.xls", "naam;email;plaats\nJan;jan@example.nl;Utrecht\nPiet;piet@example.nl;Gouda\n")).toBe("csv");
    expect(format("crm-export.xlsx", "<html><table><tr><td>x</td></tr></table></html>")).toBe("html");
  });

  it("sees UTF-16 text as text", () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode("naam;email\nJan;jan@example.nl\n", "utf16le")]);
    expect(format("export.csv", le)).toBe("csv");
    expect(format("export.txt", iconv.encode("hallo wereld, dit is tekst", "utf16le"))).toBe("txt");
  });

  it("sees windows-1252 text as text", () => {
    expect(format("notes", iconv.encode("Zoë betaalt € 12,50 aan René", "windows-1252"))).toBe("txt");
  });
});
