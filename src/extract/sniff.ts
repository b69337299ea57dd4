// Format sniffing: magic bytes first, the extension as a hint, the content of text files last.
import { posix } from "node:path";
import type { SniffResult, Source } from "./types.js";
import { decodeBuffer, detectBom, detectEncoding, detectUtf16Pattern } from "./decode.js";
import { detectDelimiter } from "./table.js";

const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const OOXML_XLSX = new Set([".xlsx", ".xlsm", ".xltx", ".xltm"]);
const OOXML_DOCX = new Set([".docx", ".docm", ".dotx", ".dotm"]);
const OOXML_ANY = new Set([...OOXML_XLSX, ...OOXML_DOCX, ".pptx", ".pptm", ".ppsx"]);
const LEGACY_OFFICE = new Set([".doc", ".dot", ".xls", ".xlt", ".ppt", ".pps", ".pot", ".msg"]);
/** Extensions that promise a document format: binary content without that format's magic is damaged. */
const CLAIMED_DOCUMENT: Record<string, string> = {
  ".xlsx": "XLSX",
  ".xlsm": "XLSX",
  ".docx": "DOCX",
  ".docm": "DOCX",
  ".pdf": "PDF",
  ".zip": "ZIP",
};

const KNOWN_BINARY: Array<{ magic: number[]; name: string }> = [
  { magic: [0x89, 0x50, 0x4e, 0x47], name: "PNG image" },
  { magic: [0xff, 0xd8, 0xff], name: "JPEG image" },
  { magic: [0x47, 0x49, 0x46, 0x38], name: "GIF image" },
  { magic: [0x1f, 0x8b], name: "gzip data" },
  { magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], name: "7-Zip archive" },
  { magic: [0x52, 0x61, 0x72, 0x21], name: "RAR archive" },
  { magic: [0x7f, 0x45, 0x4c, 0x46], name: "ELF executable" },
  { magic: [0x4d, 0x5a], name: "Windows executable" },
];

/** The lower-case extension of the last path segment ("a.zip!/x.CSV" → ".csv"). */
export function extensionOf(path: string): string {
  const last = path.slice(path.lastIndexOf("!/") + 1);
  return posix.extname(last).toLowerCase();
}

function startsWith(head: Buffer, magic: ArrayLike<number>): boolean {
  if (head.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (head[i] !== magic[i]) return false;
  return true;
}

/** Entry names of the local file headers that lie (completely) inside the head of a zip. */
export function zipEntryNamesInHead(head: Buffer): string[] {
  const names: string[] = [];
  let o = 0;
  while (o + 30 <= head.length && head.readUInt32LE(o) === 0x04034b50 && names.length < 200) {
    const flags = head.readUInt16LE(o + 6);
    const compressed = head.readUInt32LE(o + 18);
    const nameLen = head.readUInt16LE(o + 26);
    const extraLen = head.readUInt16LE(o + 28);
    if (o + 30 + nameLen > head.length) break;
    names.push(head.toString("latin1", o + 30, o + 30 + nameLen));
    if (flags & 0x08 && compressed === 0) break; // size only in the data descriptor
    o += 30 + nameLen + extraLen + compressed;
  }
  return names;
}

function ooxmlKindFromHead(head: Buffer): "xlsx" | "docx" | undefined {
  const names = zipEntryNamesInHead(head);
  if (names.some((n) => n === "xl/workbook.xml" || n.startsWith("xl/worksheets/"))) return "xlsx";
  if (names.some((n) => n === "word/document.xml")) return "docx";
  const hasContentTypes = names.includes("[Content_Types].xml");
  if (hasContentTypes && names.some((n) => n.startsWith("xl/"))) return "xlsx";
  if (hasContentTypes && names.some((n) => n.startsWith("word/"))) return "docx";
  // The walk stops at entries whose size is only in a data descriptor: look for the part names.
  const s = head.toString("latin1");
  if (s.includes("xl/workbook.xml") || s.includes("xl/worksheets/sheet")) return "xlsx";
  if (s.includes("word/document.xml")) return "docx";
  return undefined;
}

/** Whether the head looks like text: a BOM, a UTF-16 pattern, or no NUL bytes and few control characters. */
export function looksLikeText(head: Buffer): boolean {
  if (detectBom(head)) return true;
  if (detectUtf16Pattern(head)) return true;
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i];
    if (b === 0) return false;
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 27) control++;
  }
  return control <= head.length * 0.05;
}

/**
 * Whether `text` is (the start of) valid JSON: a small syntax check that stops at the end of
 * `text`; `complete` says whether `text` is the whole file (then it must be exactly one value).
 */
export function looksLikeJson(text: string, complete: boolean): boolean {
  const s = text.replace(/^\uFEFF/, "");
  if (complete) {
    try {
      JSON.parse(s);
      return true;
    } catch {
      return false;
    }
  }
  // Stack of containers; expectation of the next token.
  const stack: Array<"{" | "["> = [];
  type Expect = "value" | "key" | "colon" | "commaOrEnd" | "valueOrEnd" | "keyOrEnd" | "done";
  let expect: Expect = "value";
  const afterValue = (): Expect => (stack.length === 0 ? "done" : "commaOrEnd");
  let i = 0;
  const n = Math.min(s.length, 16 * 1024);
  while (i < n) {
    const ch = s[i];
    if (ch === " " || ch === "\n" || ch === "\r" || ch === "\t") {
      i++;
      continue;
    }
    if (expect === "done") return false;
    if (ch === '"') {
      let j = i + 1;
      while (j < n && s[j] !== '"') j += s[j] === "\\" ? 2 : 1;
      if (j >= n) return true; // cut inside a string
      if (expect === "key" || expect === "keyOrEnd") expect = "colon";
      else if (expect === "value" || expect === "valueOrEnd") expect = afterValue();
      else return false;
      i = j + 1;
      continue;
    }
    if (ch === "{" || ch === "[") {
      if (expect !== "value" && expect !== "valueOrEnd") return false;
      stack.push(ch);
      expect = ch === "{" ? "keyOrEnd" : "valueOrEnd";
      i++;
      continue;
    }
    if (ch === "}" || ch === "]") {
      const open = stack.pop();
      if (!open || (open === "{") !== (ch === "}")) return false;
      if (!(expect === "commaOrEnd" || (ch === "}" ? expect === "keyOrEnd" : expect === "valueOrEnd"))) return false;
      expect = afterValue();
      i++;
      continue;
    }
    if (ch === ":") {
      if (expect !== "colon") return false;
      expect = "value";
      i++;
      continue;
    }
    if (ch === ",") {
      if (expect !== "commaOrEnd") return false;
      expect = stack[stack.length - 1] === "{" ? "key" : "value";
      i++;
      continue;
    }
    const lit = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(s.slice(i, i + 64));
    if (!lit || (expect !== "value" && expect !== "valueOrEnd")) return false;
    i += lit[0].length;
    if (i < n && !/[\s,\]}]/.test(s[i])) return false;
    expect = afterValue();
  }
  return true;
}

/** Several lines, each of them a JSON object (the last line of an incomplete head is ignored). */
export function looksLikeNdjson(text: string, complete: boolean): boolean {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (!complete) lines.pop();
  let objects = 0;
  for (const raw of lines) {
    const line = raw.trim();
    if (line === "") continue;
    if (!line.startsWith("{") || !line.endsWith("}")) return false;
    try {
      const v: unknown = JSON.parse(line);
      if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
    } catch {
      return false;
    }
    if (++objects >= 20) break;
  }
  return objects >= 2;
}

export function looksLikeHtml(text: string): boolean {
  const start = text.replace(/^\uFEFF/, "").trimStart().slice(0, 2048);
  return /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<html[\s>])/i.test(start);
}

function textFormat(source: Source, ext: string): SniffResult {
  const head = source.head;
  const complete = head.length >= source.size;
  const text = decodeBuffer(head, detectEncoding(head));
  const trimmed = text.trimStart();
  const byContent = (): SniffResult => {
    if (trimmed.startsWith("{") && looksLikeNdjson(text, complete)) return { kind: "format", format: "ndjson" };
    if ((trimmed.startsWith("{") || trimmed.startsWith("[")) && looksLikeJson(trimmed, complete)) return { kind: "format", format: "json" };
    if (looksLikeHtml(text)) return { kind: "format", format: "html" };
    return { kind: "format", format: "txt" };
  };
  switch (ext) {
    case ".csv":
    case ".tsv":
      return { kind: "format", format: "csv" };
    case ".json":
      return { kind: "format", format: looksLikeNdjson(text, complete) ? "ndjson" : "json" };
    case ".ndjson":
    case ".jsonl":
      return { kind: "format", format: "ndjson" };
    case ".html":
    case ".htm":
    case ".xhtml":
      return { kind: "format", format: "html" };
    case ".xls":
    case ".xlsx":
    case ".xlsm": {
      // CRMs export CSV (or HTML) and name it .xls.
      if (looksLikeHtml(text)) return { kind: "format", format: "html" };
      if (detectDelimiter(text, complete).consistent) return { kind: "format", format: "csv" };
      return byContent();
    }
    default:
      return byContent();
  }
}

/** Decides which extractor reads `source`, or why it is not read at all. */
export function sniffSource(source: Source): SniffResult {
  const head = source.head;
  const ext = extensionOf(source.path);
  const extName = ext.replace(/^\./, "") || "unknown";
  if (head.length === 0) return { kind: "format", format: "txt" };

  // pdf.js accepts junk before the header (within the first 1024 bytes); a text file that
  // merely mentions "%PDF-" is not a PDF.
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46])) return { kind: "format", format: "pdf" };
  if (head.subarray(0, 1024).indexOf("%PDF-") >= 0 && !looksLikeText(head)) return { kind: "format", format: "pdf" };

  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06]) || startsWith(head, [0x50, 0x4b, 0x07, 0x08])) {
    // The extension decides, unless the entry names plainly contradict it (a misnamed file).
    const names = zipEntryNamesInHead(head);
    if (OOXML_XLSX.has(ext)) return { kind: "format", format: names.includes("word/document.xml") ? "docx" : "xlsx" };
    if (OOXML_DOCX.has(ext)) return { kind: "format", format: names.includes("xl/workbook.xml") ? "xlsx" : "docx" };
    const kind = ooxmlKindFromHead(head);
    return { kind: "format", format: kind ?? "zip" };
  }

  if (startsWith(head, OLE2_MAGIC)) {
    if (OOXML_ANY.has(ext)) {
      return {
        kind: "reject",
        format: extName,
        status: "failed",
        code: "ENCRYPTED",
        message: "password-protected Office file (an encrypted OOXML document is stored in an OLE container)",
      };
    }
    if (LEGACY_OFFICE.has(ext)) {
      return {
        kind: "reject",
        format: extName,
        status: "failed",
        code: "UNSUPPORTED",
        message: "legacy binary Office format; convert it or check it by hand",
      };
    }
    return { kind: "reject", format: "binary", status: "skipped", code: "BINARY", message: "binary file (OLE container)" };
  }

  if (looksLikeText(head)) return textFormat(source, ext);

  const known = KNOWN_BINARY.find((b) => startsWith(head, b.magic));
  const claimed = CLAIMED_DOCUMENT[ext];
  if (claimed) {
    return {
      kind: "reject",
      format: extName,
      status: "failed",
      code: "CORRUPT",
      message: `not a valid ${claimed} file: ${known ? `the content is ${known.name}` : "no known file signature"}`,
    };
  }
  return {
    kind: "reject",
    format: "binary",
    status: "skipped",
    code: "BINARY",
    message: known ? `binary file (${known.name})` : "binary file",
  };
}
