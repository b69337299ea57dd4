// Mapping of arbitrary errors (fs, parser libraries) to the ExtractError the pipeline reports.
import { ExtractError } from "./types.js";

const ACCESS_CODES = new Set(["EACCES", "EPERM"]);
const MISSING_CODES = new Set(["ENOENT", "ENOTDIR"]);

/** The errno-style code of a Node error (`err.code`), if any. */
export function errorCode(err: unknown): string | undefined {
  if (err && typeof err === "object" && "code" in err) {
    const code = (err as { code: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}

/** True when `err` looks like a Node fs/system error (has an errno code and a syscall). */
function isSystemError(err: unknown): boolean {
  const code = errorCode(err);
  return (
    code !== undefined &&
    /^E[A-Z0-9]+$/.test(code) &&
    typeof err === "object" &&
    err !== null &&
    ("syscall" in err || "errno" in err)
  );
}

/**
 * Maps an fs error to an ExtractError: EACCES/EPERM → EACCES, ENOENT/ENOTDIR → ENOENT,
 * every other system error (EIO, EISDIR, EMFILE, ...) → EIO. All of them are "failed".
 */
export function fsErrorToExtractError(err: unknown): ExtractError {
  if (err instanceof ExtractError) return err;
  const code = errorCode(err) ?? "EIO";
  const detail = errorMessage(err);
  if (ACCESS_CODES.has(code)) return new ExtractError("EACCES", `permission denied: ${detail}`);
  if (MISSING_CODES.has(code)) return new ExtractError("ENOENT", `file disappeared: ${detail}`);
  return new ExtractError("EIO", `read error: ${detail}`);
}

/**
 * Any thrown value → ExtractError: ExtractErrors pass through, fs/system errors go through
 * fsErrorToExtractError, out-of-memory becomes OUT_OF_MEMORY, everything else is CORRUPT
 * (with `prefix` in front of the library's message, e.g. "truncated or damaged .docx").
 */
export function toExtractError(err: unknown, prefix?: string): ExtractError {
  if (err instanceof ExtractError) return err;
  if (isSystemError(err)) return fsErrorToExtractError(err);
  const message = errorMessage(err);
  if (err instanceof RangeError && /allocation failed|Array buffer allocation|Invalid string length/i.test(message)) {
    return new ExtractError("OUT_OF_MEMORY", `out of memory: ${message}`);
  }
  return new ExtractError("CORRUPT", prefix ? `${prefix}: ${message}` : message);
}
