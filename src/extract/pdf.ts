// PDF: pdf-parse (pdf.js), page by page; prose units carry the page and the line in the page.
import type { ExtractItem, ExtractContext, Extractor, Source } from "./types.js";
import { ExtractError } from "./types.js";
import { errorMessage, toExtractError } from "./errors.js";
import { ProseBuffer, proseItem, type ProseChunk } from "./units.js";

type PdfParseModule = typeof import("pdf-parse");
let pdfParseModule: Promise<PdfParseModule> | undefined;

/**
 * Loads pdf-parse (and pdf.js) on first use: workers that never see a PDF do not pay for it,
 * and pdf.js's load-time warnings (e.g. "Cannot load @napi-rs/canvas" on platforms without
 * its binary), which it prints with console.log before any verbosity can be set, are dropped
 * instead of ending up on stdout.
 */
export function loadPdfParse(): Promise<PdfParseModule> {
  pdfParseModule ??= (async () => {
    const log = console.log;
    console.log = () => undefined;
    try {
      return await import("pdf-parse");
    } finally {
      console.log = log;
    }
  })();
  return pdfParseModule;
}

function pdfError(err: unknown): ExtractError {
  if (err instanceof ExtractError) return err;
  const name = err instanceof Error ? err.name : "";
  if (name === "PasswordException") return new ExtractError("ENCRYPTED", "password-protected PDF");
  if (name === "InvalidPDFException") return new ExtractError("CORRUPT", `not a valid PDF: ${errorMessage(err)}`);
  if (name === "FormatError") return new ExtractError("CORRUPT", `damaged PDF: ${errorMessage(err)}`);
  return toExtractError(err, "cannot read PDF");
}

function* pageItems(chunks: ProseChunk[], page: number): Generator<ExtractItem> {
  for (const c of chunks) {
    const item = proseItem(c.text, c.line, { page });
    if (item) yield item;
  }
}

export const pdfExtractor: Extractor = {
  format: "pdf",
  async *extract(source: Source, ctx: ExtractContext): AsyncGenerator<ExtractItem> {
    const data = await source.buffer(ctx.limits.maxFileSize);
    const { PDFParse, VerbosityLevel } = await loadPdfParse().catch((err: unknown) => {
      throw new ExtractError("INTERNAL", `cannot load the PDF library: ${errorMessage(err)}`);
    });
    // pdf-parse copies a Buffer into a fresh Uint8Array, so pdf.js never detaches ours.
    // Verbosity ERRORS: pdf.js prints warnings with console.log, which would pollute stdout.
    const parser = new PDFParse({ data, verbosity: VerbosityLevel.ERRORS, isEvalSupported: false, stopAtErrors: false });
    try {
      let total = 1;
      for (let page = 1; page <= total; page++) {
        let text: string;
        try {
          const result = await parser.getText({ partial: [page], pageJoiner: "" });
          total = result.total;
          text = result.pages.find((p) => p.num === page)?.text ?? "";
        } catch (err) {
          throw pdfError(err);
        }
        const prose = new ProseBuffer();
        const lines = text.split(/\r?\n/);
        for (let i = 0; i < lines.length; i++) yield* pageItems(prose.add(lines[i], i + 1), page);
        yield* pageItems(prose.flush(), page);
      }
    } finally {
      await parser.destroy().catch(() => undefined);
    }
  },
};
