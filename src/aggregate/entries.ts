// The report entry of one file or archive member, before findings are added: one shape for
// the walker's skips, the pool's failures and the extractors' results.
import type { ErrorCode, FileReport } from "../model/types.js";

export interface EntrySubject {
  path: string;
  size: number;
  modifiedAt: Date;
}

/** A scanned entry with no findings yet. */
export function scannedEntry(subject: EntrySubject, format: string): FileReport {
  return {
    path: subject.path,
    format,
    size: subject.size,
    modifiedAt: subject.modifiedAt.toISOString(),
    status: "scanned",
    classification: "none",
    findings: [],
  };
}

/** A failed or skipped entry; `message` must already be free of data (see sanitizeMessage). */
export function errorEntry(subject: EntrySubject, format: string, status: "failed" | "skipped", code: ErrorCode, message: string): FileReport {
  return { ...scannedEntry(subject, format), status, error: { code, message } };
}
