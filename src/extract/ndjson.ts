// NDJSON / JSON Lines: one JSON value per line, flattened like json.ts; row = line number.
import { createInterface } from "node:readline";
import type { ExtractItem, Extractor, Source } from "./types.js";
import { ExtractError } from "./types.js";
import { decodedText } from "./text.js";
import { toExtractError } from "./errors.js";
import { FieldTable, flattenValue } from "./fields.js";

export const ndjsonExtractor: Extractor = {
  format: "ndjson",
  async *extract(source: Source): AsyncGenerator<ExtractItem> {
    const text = decodedText(source);
    const lines = createInterface({ input: text, crlfDelay: Infinity });
    const table = new FieldTable();
    let lineNo = 0;
    let good = 0;
    let bad = 0;
    let firstError = "";
    try {
      for await (const raw of lines) {
        lineNo++;
        const line = raw.trim();
        if (line === "") continue;
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch (err) {
          bad++;
          if (!firstError) firstError = `line ${lineNo}: ${(err as Error).message}`;
          continue;
        }
        good++;
        yield* flattenValue(value, lineNo, table);
      }
    } catch (err) {
      throw toExtractError(err, "cannot read NDJSON");
    } finally {
      lines.close();
      text.destroy();
    }
    if (good === 0 && bad > 0) throw new ExtractError("CORRUPT", `invalid NDJSON: no line is valid JSON (${firstError})`);
  },
};
