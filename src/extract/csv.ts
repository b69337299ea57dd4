// CSV/TSV: encoding and delimiter detection, then csv-parse as a stream, one unit per cell.
import { pipeline } from "node:stream";
import { parse } from "csv-parse";
import type { ExtractItem, Extractor, Source } from "./types.js";
import { decodeBuffer, decodeStream, detectEncoding } from "./decode.js";
import { toExtractError } from "./errors.js";
import { extensionOf } from "./sniff.js";
import { detectDelimiter, isHeaderRow, type Delimiter } from "./table.js";
import { unitItem } from "./units.js";

/** Longest record csv-parse accepts (a stray quote would otherwise swallow the rest of the file). */
const MAX_RECORD_CHARS = 32 * 1024 * 1024;

/** The delimiter of a CSV source, guessed from its head (tab as fallback for .tsv). */
export function csvDelimiter(source: Source): Delimiter {
  const encoding = detectEncoding(source.head);
  const text = decodeBuffer(source.head, encoding);
  const fallback: Delimiter = extensionOf(source.path) === ".tsv" ? "\t" : ",";
  return detectDelimiter(text, source.head.length >= source.size, fallback).delimiter;
}

export const csvExtractor: Extractor = {
  format: "csv",
  async *extract(source: Source): AsyncGenerator<ExtractItem> {
    const encoding = detectEncoding(source.head);
    const delimiter = csvDelimiter(source);
    const parser = parse({
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      bom: true,
      max_record_size: MAX_RECORD_CHARS,
    });
    const records = pipeline(decodeStream(source.stream(), encoding), parser, () => {
      /* errors surface through the iteration */
    });
    let row = 0;
    let headers: string[] | undefined;
    try {
      for await (const record of records as AsyncIterable<string[]>) {
        row++;
        if (row === 1 && isHeaderRow(record)) {
          headers = record.map((h) => h.trim());
          for (let i = 0; i < headers.length; i++) {
            const header = headers[i];
            const item = unitItem("header", header, { row: 1, field: header }, { column: i, header });
            if (item) yield item;
          }
          continue;
        }
        for (let i = 0; i < record.length; i++) {
          const header = headers?.[i];
          const item = unitItem(
            "cell",
            record[i],
            { row, field: header ?? `#${i + 1}` },
            header === undefined ? { column: i } : { column: i, header },
          );
          if (item) yield item;
        }
      }
    } catch (err) {
      throw toExtractError(err, `damaged CSV (record ${row + 1})`);
    } finally {
      records.destroy();
    }
  },
};
