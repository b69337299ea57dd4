// The extraction stage's interface: a Source (bytes of one file or archive member) goes to
// the Extractor chosen by sniffing, which yields TextUnits, or child Sources for containers.
import type { Readable } from "node:stream";
import type { ErrorCode, TextUnit } from "../model/types.js";

/** One file on disk or one archive member, readable any number of times. */
export interface Source {
  /** POSIX path relative to its root; archive members as "dump.zip!/inner.csv". */
  path: string;
  size: number;
  modifiedAt: Date;
  /** The first bytes (up to HEAD_BYTES, fewer when the file is shorter), for sniffing. */
  head: Buffer;
  /** Archive nesting depth: 0 for a file on disk, 1 for a member of a zip on disk, ... */
  depth: number;
  /** A fresh stream of the whole content. */
  stream(): Readable;
  /** The whole content in memory; rejects with TOO_LARGE above `limit` bytes. */
  buffer(limit: number): Promise<Buffer>;
  /** The absolute path when the source is a file on disk (for libraries that open paths). */
  filePath?: string;
}

export const HEAD_BYTES = 64 * 1024;

export interface ExtractLimits {
  /** Largest file or member that is read at all. */
  maxFileSize: number;
  /** Deepest archive nesting that is opened (a zip in a zip is depth 2). */
  maxArchiveDepth: number;
  /** Most bytes unpacked from one archive on disk, members of nested archives included. */
  maxArchiveBytes: number;
  /** Most members read from one archive. */
  maxArchiveEntries: number;
  /** Highest uncompressed/compressed ratio of a member before it counts as a bomb. */
  maxCompressionRatio: number;
}

export const DEFAULT_LIMITS: ExtractLimits = {
  maxFileSize: 256 * 1024 * 1024,
  maxArchiveDepth: 3,
  maxArchiveBytes: 1024 * 1024 * 1024,
  maxArchiveEntries: 10_000,
  maxCompressionRatio: 100,
};

/** Shared budget of one archive tree (all nesting levels share it). */
export interface ArchiveBudget {
  bytesLeft: number;
  entriesLeft: number;
}

export interface ExtractContext {
  limits: ExtractLimits;
  /** Set inside an archive: the budget of the outermost archive. */
  budget?: ArchiveBudget;
}

/**
 * What an extractor yields: text units of the source itself, a child source (archive member)
 * that the pipeline sniffs and extracts in turn, or a child that could not be read at all
 * (it becomes a failed or skipped entry of its own, and the archive goes on).
 */
export type ExtractItem =
  | { type: "unit"; unit: TextUnit }
  | { type: "child"; source: Source }
  | {
      type: "child-error";
      path: string;
      size: number;
      modifiedAt: Date;
      status: "failed" | "skipped";
      code: ErrorCode;
      message: string;
    };

export interface Extractor {
  /** The format name that goes into the report: txt, csv, xlsx, docx, pdf, json, ndjson, html, zip. */
  format: string;
  extract(source: Source, ctx: ExtractContext): AsyncIterable<ExtractItem>;
}

/**
 * A failure of one file with the code the report shows. Extractors throw it (or any error,
 * which the pipeline maps to CORRUPT) and the pipeline turns it into a failed entry.
 */
export class ExtractError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status: "failed" | "skipped" = "failed",
  ) {
    super(message);
    this.name = "ExtractError";
  }
}

/** What sniffing decided: an extractor's format, or a reason not to extract. */
export type SniffResult =
  | { kind: "format"; format: string }
  | { kind: "reject"; format: string; status: "failed" | "skipped"; code: ErrorCode; message: string };
