// Plain text: decoded as a stream, cut into prose units of at most ~64 KiB at line boundaries.
import type { Readable } from "node:stream";
import type { ExtractItem, Extractor, Source } from "./types.js";
import { decodeStream, detectEncoding } from "./decode.js";
import { toExtractError } from "./errors.js";
import { LineSplitter, ProseBuffer, proseItem, type ProseChunk } from "./units.js";

/** The decoded content of a text source as a stream of strings (encoding detected from the head). */
export function decodedText(source: Source): Readable {
  return decodeStream(source.stream(), detectEncoding(source.head));
}

function* chunkItems(chunks: ProseChunk[]): Generator<ExtractItem> {
  for (const c of chunks) {
    const item = proseItem(c.text, c.line);
    if (item) yield item;
  }
}

export const textExtractor: Extractor = {
  format: "txt",
  async *extract(source: Source): AsyncGenerator<ExtractItem> {
    const text = decodedText(source);
    const lines = new LineSplitter();
    const prose = new ProseBuffer();
    try {
      for await (const chunk of text) {
        for (const l of lines.push(chunk as string)) yield* chunkItems(prose.add(l.text, l.line));
      }
      for (const l of lines.end()) yield* chunkItems(prose.add(l.text, l.line));
      yield* chunkItems(prose.flush());
    } catch (err) {
      throw toExtractError(err, "cannot read text");
    } finally {
      text.destroy();
    }
  },
};
