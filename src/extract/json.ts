// JSON: streamed through stream-json's token parser (never JSON.parse of the whole file);
// every string and number becomes a field unit.
import { pipeline } from "node:stream";
import streamJson from "stream-json";
import type { ExtractItem, Extractor, Source } from "./types.js";
import { decodedText } from "./text.js";
import { toExtractError } from "./errors.js";
import { FieldTable } from "./fields.js";

const { parser: makeParser } = streamJson;

interface Token {
  name: string;
  value?: string;
}

interface Frame {
  kind: "object" | "array";
  /** Current key of an object. */
  key?: string;
  /** Index of the current element of an array (-1 before the first). */
  index: number;
  /** Array directly inside the top-level object whose first element decides whether it holds records. */
  pending?: boolean;
  /** An array of objects directly inside the top-level object: its elements are rows. */
  records?: boolean;
  /** The first records array: its headers are relative to the record (no property-name prefix). */
  primary?: boolean;
}

/**
 * Walks the token stream keeping the key path and yields a field unit per scalar string/number.
 * Rows: the element of a top-level array; in a top-level object, the element of an array of
 * objects held by one of its properties (e.g. {"data": [...]}), else 1.
 */
export class JsonFieldWalker {
  private readonly stack: Frame[] = [];
  private readonly table = new FieldTable();
  private primaryChosen = false;

  token(token: Token): ExtractItem | undefined {
    const stack = this.stack;
    const top = stack[stack.length - 1];
    switch (token.name) {
      case "keyValue":
        if (top) top.key = token.value;
        return undefined;
      case "endObject":
      case "endArray":
        stack.pop();
        return undefined;
      case "startObject":
      case "startArray":
      case "stringValue":
      case "numberValue":
      case "nullValue":
      case "trueValue":
      case "falseValue":
        break;
      default:
        return undefined;
    }
    if (top?.kind === "array") {
      if (top.pending) {
        top.pending = false;
        if (token.name === "startObject") {
          top.records = true;
          top.primary = !this.primaryChosen;
          this.primaryChosen = true;
        }
      }
      top.index++;
    }
    if (token.name === "startObject" || token.name === "startArray") {
      const kind = token.name === "startObject" ? "object" : "array";
      const frame: Frame = { kind, index: -1 };
      if (kind === "array" && stack.length === 1 && stack[0].kind === "object") frame.pending = true;
      stack.push(frame);
      return undefined;
    }
    if (token.name !== "stringValue" && token.name !== "numberValue") return undefined;
    return this.field(token.value ?? "");
  }

  private field(text: string): ExtractItem | undefined {
    const stack = this.stack;
    let row = 1;
    let from = 0;
    const keys: string[] = [];
    if (stack.length > 0 && stack[0].kind === "array") {
      row = stack[0].index + 1;
      from = 1;
    } else if (stack.length > 1 && stack[1].records) {
      row = stack[1].index + 1;
      if (!stack[1].primary && stack[0].key !== undefined) keys.push(stack[0].key);
      from = 2;
    }
    for (let i = from; i < stack.length; i++) {
      const f = stack[i];
      if (f.kind === "object" && f.key !== undefined) keys.push(f.key);
    }
    return this.table.item(text, row, keys);
  }
}

export const jsonExtractor: Extractor = {
  format: "json",
  async *extract(source: Source): AsyncGenerator<ExtractItem> {
    const tokens = pipeline(decodedText(source), makeParser({ packValues: true, streamValues: false }), () => {
      /* errors surface through the iteration */
    });
    const walker = new JsonFieldWalker();
    try {
      for await (const token of tokens as AsyncIterable<Token>) {
        const item = walker.token(token);
        if (item) yield item;
      }
    } catch (err) {
      throw toExtractError(err, "invalid JSON");
    } finally {
      tokens.destroy();
    }
  },
};
