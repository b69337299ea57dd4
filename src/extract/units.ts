// Building TextUnits: trimming, prose chunking at line boundaries, line splitting of streams.
import type { Location, TableRef, TextUnit, TextUnitKind } from "../model/types.js";
import type { ExtractItem } from "./types.js";

/** Largest prose unit, in UTF-16 code units. */
export const PROSE_CHUNK_CHARS = 64 * 1024;

/** A unit item with `text` trimmed, or undefined when nothing but whitespace is left. */
export function unitItem(kind: TextUnitKind, text: string, loc: Location, table?: TableRef): ExtractItem | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const unit: TextUnit = table ? { text: trimmed, kind, loc, table } : { text: trimmed, kind, loc };
  return { type: "unit", unit };
}

/**
 * A prose unit whose text starts on line `line`: leading blank lines removed by trimming move
 * the line number forward, so `loc.line` stays the line of the first character of `text`.
 */
export function proseItem(text: string, line: number, extra?: Location): ExtractItem | undefined {
  const start = text.search(/\S/);
  if (start < 0) return undefined;
  let skippedLines = 0;
  for (let i = 0; i < start; i++) if (text.charCodeAt(i) === 10) skippedLines++;
  const trimmed = text.slice(start).trimEnd();
  return { type: "unit", unit: { text: trimmed, kind: "prose", loc: { ...extra, line: line + skippedLines } } };
}

export interface ProseChunk {
  text: string;
  /** Line number of the first line of `text`. */
  line: number;
}

/**
 * Collects consecutive lines into chunks of at most `maxChars`, split at line boundaries,
 * preferably at the last blank line. A line longer than `maxChars` becomes several chunks with
 * the same line number. A line whose number does not follow the previous one starts a new chunk.
 */
export class ProseBuffer {
  private lines: string[] = [];
  private chars = 0;
  private firstLine = 1;
  private lastBlank = -1;

  constructor(private readonly maxChars = PROSE_CHUNK_CHARS) {}

  add(line: string, lineNo: number): ProseChunk[] {
    const out: ProseChunk[] = [];
    if (this.lines.length > 0 && lineNo !== this.firstLine + this.lines.length) this.flushInto(out);
    if (line.length > this.maxChars) {
      this.flushInto(out);
      for (let i = 0; i < line.length; i += this.maxChars) out.push({ text: line.slice(i, i + this.maxChars), line: lineNo });
      return out;
    }
    while (this.lines.length > 0 && this.chars + line.length + 1 > this.maxChars) {
      if (this.lastBlank > 0) this.splitAtBlank(out);
      else this.flushInto(out);
    }
    if (this.lines.length === 0) this.firstLine = lineNo;
    this.lines.push(line);
    this.chars += line.length + 1;
    if (line.trim() === "") this.lastBlank = this.lines.length - 1;
    return out;
  }

  flush(): ProseChunk[] {
    const out: ProseChunk[] = [];
    this.flushInto(out);
    return out;
  }

  private splitAtBlank(out: ProseChunk[]): void {
    const cut = this.lastBlank;
    out.push({ text: this.lines.slice(0, cut).join("\n"), line: this.firstLine });
    this.lines = this.lines.slice(cut + 1);
    this.firstLine += cut + 1;
    this.chars = 0;
    this.lastBlank = -1;
    for (let i = 0; i < this.lines.length; i++) {
      this.chars += this.lines[i].length + 1;
      if (this.lines[i].trim() === "") this.lastBlank = i;
    }
  }

  private flushInto(out: ProseChunk[]): void {
    if (this.lines.length > 0) out.push({ text: this.lines.join("\n"), line: this.firstLine });
    this.lines = [];
    this.chars = 0;
    this.lastBlank = -1;
  }
}

export interface Line {
  text: string;
  line: number;
}

/**
 * Splits a stream of string chunks into lines ("\n" or "\r\n"). A line longer than `maxLine`
 * without a line break is passed on in pieces that share its line number, so memory stays
 * bounded for files without line breaks.
 */
export class LineSplitter {
  private carry = "";
  private lineNo = 1;

  constructor(private readonly maxLine = PROSE_CHUNK_CHARS) {}

  push(chunk: string): Line[] {
    const out: Line[] = [];
    let data = this.carry + chunk;
    let start = 0;
    for (;;) {
      const nl = data.indexOf("\n", start);
      if (nl < 0) break;
      let end = nl;
      if (end > start && data.charCodeAt(end - 1) === 13) end--;
      out.push({ text: data.slice(start, end), line: this.lineNo++ });
      start = nl + 1;
    }
    data = data.slice(start);
    while (data.length > this.maxLine) {
      // Keep a trailing "\r" (and a high surrogate) with the rest.
      let cut = this.maxLine;
      const c = data.charCodeAt(cut - 1);
      if (c >= 0xd800 && c <= 0xdbff) cut--;
      out.push({ text: data.slice(0, cut), line: this.lineNo });
      data = data.slice(cut);
    }
    this.carry = data;
    return out;
  }

  end(): Line[] {
    const rest = this.carry.endsWith("\r") ? this.carry.slice(0, -1) : this.carry;
    this.carry = "";
    return rest.length > 0 ? [{ text: rest, line: this.lineNo }] : [];
  }
}
