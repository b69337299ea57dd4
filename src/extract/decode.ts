// Character encodings: detection from the head of a file and streaming decoding.
import { pipeline, type Readable, type Transform } from "node:stream";
import iconv from "iconv-lite";

export type TextEncoding = "utf8" | "utf16le" | "utf16be" | "windows1252";

/** Byte-order-mark detection; returns the encoding and the BOM's length. */
export function detectBom(head: Buffer): { encoding: TextEncoding; length: number } | undefined {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: "utf8", length: 3 };
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return { encoding: "utf16le", length: 2 };
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return { encoding: "utf16be", length: 2 };
  return undefined;
}

/**
 * UTF-16 without BOM, recognised by its NUL bytes: text that is mostly ASCII/Latin has a NUL
 * in every high byte, i.e. at odd offsets (LE) or at even offsets (BE), and (almost) none in
 * the other position.
 */
export function detectUtf16Pattern(head: Buffer): "utf16le" | "utf16be" | undefined {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul / pairs > 0.3 && evenNul / pairs < 0.02) return "utf16le";
  if (evenNul / pairs > 0.3 && oddNul / pairs < 0.02) return "utf16be";
  return undefined;
}

/**
 * Strict UTF-8 validation (no overlongs, no surrogates, nothing above U+10FFFF). A multi-byte
 * sequence cut off by the end of the buffer counts as valid (the head ends mid-character).
 */
export function isValidUtf8(buf: Buffer): boolean {
  const n = buf.length;
  let i = 0;
  while (i < n) {
    const b = buf[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else return false;
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return true; // cut at the end of the buffer
      const c = buf[i + k];
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return false;
    }
    i += need + 1;
  }
  return true;
}

/**
 * The encoding of a text file from its first bytes: a BOM first, then UTF-16 by its NUL-byte
 * pattern, then strict UTF-8 validity (pure ASCII is UTF-8), else windows-1252 (what Dutch
 * Excel and most Windows tools write as "ANSI").
 */
export function detectEncoding(head: Buffer): TextEncoding {
  const bom = detectBom(head);
  if (bom) return bom.encoding;
  const utf16 = detectUtf16Pattern(head);
  if (utf16) return utf16;
  if (isValidUtf8(head)) return "utf8";
  return "windows1252";
}

/** Decodes a whole (small) buffer, e.g. the head, without its BOM. */
export function decodeBuffer(buf: Buffer, encoding: TextEncoding): string {
  return iconv.decode(buf, encoding, { stripBOM: true });
}

/**
 * A Readable of JS strings decoded from `readable` (BOM stripped). Errors of `readable`
 * propagate to the returned stream; destroying the returned stream destroys `readable`.
 */
export function decodeStream(readable: Readable, encoding: TextEncoding): Readable {
  const decoder = iconv.decodeStream(encoding, { stripBOM: true }) as unknown as Transform;
  return pipeline(readable, decoder, () => {
    /* errors reach the consumer through the returned stream */
  });
}
