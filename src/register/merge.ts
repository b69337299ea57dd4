// Merging a new draft into the register a person has been completing: entries are matched
// by id; what the scan knows is rewritten, what a person wrote is kept (a value that no
// longer starts with a tool marker), and an entry whose data is gone is marked, not deleted.
import type { Lang } from "../report/i18n.js";
import type { RegisterDraft } from "./build.js";
import { FIELDS, isUnconfirmed, type FieldValue, type RegisterEntry } from "./fields.js";

export interface MergeStats {
  added: number;
  found: number;
  gone: number;
  /** Fields a person filled in that were kept. */
  keptFields: number;
}

const STATUS: Record<Lang, { added: string; found: string; gone: (date: string) => string }> = {
  nl: { added: "nieuw", found: "gevonden", gone: (d) => `niet meer gevonden sinds scan ${d}` },
  en: { added: "new", found: "found", gone: (d) => `no longer found since scan ${d}` },
};

/** Whether a status says the entry's data is gone, in either language. */
export function isGoneStatus(status: FieldValue | undefined): boolean {
  return typeof status === "string" && /^niet meer gevonden|^no longer found/i.test(status);
}

export function mergeRegister(draft: RegisterDraft, previous: RegisterEntry[] | undefined): { draft: RegisterDraft; stats: MergeStats } {
  const s = STATUS[draft.lang];
  const stats: MergeStats = { added: 0, found: 0, gone: 0, keptFields: 0 };
  const old = new Map((previous ?? []).map((e) => [e.id, e]));
  const entries: RegisterEntry[] = [];
  for (const entry of draft.entries) {
    const before = old.get(entry.id);
    old.delete(entry.id);
    if (!before) {
      stats.added++;
      entries.push({ ...entry, status: s.added });
      continue;
    }
    stats.found++;
    const merged: Record<string, FieldValue | undefined> = { id: entry.id };
    for (const f of FIELDS) {
      if (f.kind === "key") continue;
      if (f.kind === "found" || isUnconfirmed(before[f.id])) merged[f.id] = entry[f.id];
      else {
        merged[f.id] = before[f.id];
        stats.keptFields++;
      }
    }
    merged.status = s.found;
    entries.push(merged as RegisterEntry);
  }
  for (const gone of old.values()) {
    stats.gone++;
    const status = isGoneStatus(gone.status) ? gone.status : s.gone(draft.scanDate);
    entries.push({ ...gone, status });
  }
  entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { draft: { ...draft, entries }, stats };
}
