// DOCX: mammoth's raw text, one prose unit per paragraph.
import mammoth from "mammoth";
import type { ExtractItem, ExtractContext, Extractor, Source } from "./types.js";
import { toExtractError } from "./errors.js";
import { PROSE_CHUNK_CHARS, proseItem } from "./units.js";

export const docxExtractor: Extractor = {
  format: "docx",
  async *extract(source: Source, ctx: ExtractContext): AsyncGenerator<ExtractItem> {
    // Through source.buffer() (not mammoth's own { path }): mammoth reads the whole file into
    // memory either way, and buffer() opens read-only without touching the access time.
    const buffer = await source.buffer(ctx.limits.maxFileSize);
    let text: string;
    try {
      text = (await mammoth.extractRawText({ buffer })).value;
    } catch (err) {
      throw toExtractError(err, "truncated or damaged .docx");
    }
    // mammoth ends every paragraph with "\n\n": each non-empty line is a paragraph.
    let start = 0;
    let line = 1;
    while (start <= text.length) {
      let end = text.indexOf("\n", start);
      if (end < 0) end = text.length;
      const paragraph = text.slice(start, end);
      for (let i = 0; i < paragraph.length; i += PROSE_CHUNK_CHARS) {
        const item = proseItem(paragraph.slice(i, i + PROSE_CHUNK_CHARS), line);
        if (item) yield item;
      }
      line++;
      start = end + 1;
    }
  },
};
