// The extraction stage: sniff a Source, pick the Extractor of its format, iterate its items.
//
// Use:
//   const source = await fileSource(abs, rel, { size, mtime });   // rejects EACCES/ENOENT/EIO
//   const sniff = sniffSource(source);                              // format or reject
//   for await (const item of EXTRACTORS[sniff.format].extract(source, ctx)) {
//     unit        → detect
//     child       → handle it completely (sniff + extract, recursively, with the SAME ctx and
//                   the yielded Source object as is) before pulling the next item: the archive
//                   holds one member in memory at a time, and the child Source carries the
//                   archive tree's shared budget (see archiveContext in zip.ts)
//     child-error → a failed/skipped entry of its own
//   }
// Extractors throw ExtractError (code + status); anything else thrown maps with toExtractError.
// Use a fresh ctx ({ limits }) per file on disk; never put a budget in it yourself unless you
// want several files to share one.
import type { Extractor } from "./types.js";
import { csvExtractor } from "./csv.js";
import { docxExtractor } from "./docx.js";
import { htmlExtractor } from "./html.js";
import { jsonExtractor } from "./json.js";
import { ndjsonExtractor } from "./ndjson.js";
import { pdfExtractor } from "./pdf.js";
import { textExtractor } from "./text.js";
import { xlsxExtractor } from "./xlsx.js";
import { zipExtractor } from "./zip.js";

/** Extractors by format name (the `format` of a SniffResult). */
export const EXTRACTORS: Record<string, Extractor> = {
  txt: textExtractor,
  csv: csvExtractor,
  xlsx: xlsxExtractor,
  docx: docxExtractor,
  pdf: pdfExtractor,
  html: htmlExtractor,
  json: jsonExtractor,
  ndjson: ndjsonExtractor,
  zip: zipExtractor,
};

export * from "./types.js";
export { sniffSource } from "./sniff.js";
export { fileSource, bufferSource } from "./source.js";
export { fsErrorToExtractError, toExtractError } from "./errors.js";
export { archiveContext, createArchiveBudget } from "./zip.js";
export { detectEncoding, decodeStream } from "./decode.js";
