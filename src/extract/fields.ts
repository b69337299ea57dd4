// Flattening JSON records into field units (shared by json.ts and ndjson.ts): a value's header
// is its key path with array indices dropped ("contact.email"), its column the index of that
// header in first-seen order.
import type { ExtractItem } from "./types.js";
import { numberText } from "./table.js";
import { unitItem } from "./units.js";

/** Most distinct headers remembered; later new headers get fresh column numbers without being stored. */
const MAX_HEADERS = 10_000;

export class FieldTable {
  private readonly columns = new Map<string, number>();
  private next = 0;

  column(header: string): number {
    const known = this.columns.get(header);
    if (known !== undefined) return known;
    const column = this.next++;
    if (this.columns.size < MAX_HEADERS) this.columns.set(header, column);
    return column;
  }

  /** A field unit; an empty key path (a scalar directly in an array) has no header. */
  item(text: string, row: number, keys: readonly string[]): ExtractItem | undefined {
    const header = keys.length > 0 ? keys.join(".") : "";
    const column = this.column(header);
    if (header === "") return unitItem("field", text, { row }, { column });
    return unitItem("field", text, { row, field: header }, { column, header });
  }
}

/**
 * Yields a field unit for every string and number inside `value` (a parsed JSON value), in
 * document order; booleans and null are skipped. `keys` is the key path of `value` itself.
 */
export function* flattenValue(value: unknown, row: number, table: FieldTable, keys: string[] = []): Generator<ExtractItem> {
  if (typeof value === "string") {
    const item = table.item(value, row, keys);
    if (item) yield item;
  } else if (typeof value === "number") {
    const item = table.item(numberText(value), row, keys);
    if (item) yield item;
  } else if (Array.isArray(value)) {
    for (const element of value) yield* flattenValue(element, row, table, keys);
  } else if (value !== null && typeof value === "object") {
    for (const [key, element] of Object.entries(value as Record<string, unknown>)) {
      keys.push(key);
      yield* flattenValue(element, row, table, keys);
      keys.pop();
    }
  }
}
