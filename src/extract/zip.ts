// ZIP archives: yauzl, one member at a time; members are yielded as child sources that the
// pipeline sniffs and extracts in turn. All nesting levels share one budget of bytes/entries.
import fs from "node:fs";
import yauzl from "yauzl";
import type { ArchiveBudget, ExtractContext, ExtractItem, ExtractLimits, Extractor, Source } from "./types.js";
import { ExtractError } from "./types.js";
import { bufferSource, openReadOnlyFd } from "./source.js";
import { errorMessage, fsErrorToExtractError, toExtractError } from "./errors.js";

const MIB = 1024 * 1024;
/** Members smaller than this are never called a bomb, whatever their ratio. */
const BOMB_MIN_SIZE = MIB;

/** A fresh budget for the outermost archive. */
export function createArchiveBudget(limits: ExtractLimits): ArchiveBudget {
  return { bytesLeft: limits.maxArchiveBytes, entriesLeft: limits.maxArchiveEntries };
}

/** The budget each child source was yielded under (the budget of the outermost archive). */
const childBudgets = new WeakMap<Source, ArchiveBudget>();

/**
 * The context for extracting a child source yielded by an archive: the same limits and the
 * archive tree's shared budget. The zip extractor also finds the budget through the child
 * Source object itself, so passing the parent's ctx on unchanged works too, as long as the
 * yielded Source object is passed on as is (not copied).
 */
export function archiveContext(ctx: ExtractContext, child?: Source): ExtractContext {
  const budget = ctx.budget ?? (child ? childBudgets.get(child) : undefined);
  return budget ? { ...ctx, budget } : { ...ctx, budget: createArchiveBudget(ctx.limits) };
}

export type Entry = yauzl.Entry & { canDecodeFileData?: () => boolean };

/** Opens a source as a zip for random access: from our own read-only descriptor, or from memory. */
export function openZip(source: Source, ctx: ExtractContext): Promise<yauzl.ZipFile> {
  const options: yauzl.Options = { lazyEntries: true, validateEntrySizes: true, autoClose: false, decodeStrings: false };
  if (source.filePath) {
    const filePath = source.filePath;
    // fromFd on our own read-only, O_NOATIME descriptor (yauzl.open would use plain "r").
    return openReadOnlyFd(filePath).then(
      (fd) =>
        new Promise<yauzl.ZipFile>((resolve, reject) => {
          // With autoClose false, zipfile.close() closes fd (yauzl's FdSlicer unref).
          yauzl.fromFd(fd, options, (err, zipfile) => {
            if (err || !zipfile) {
              fs.close(fd, () => undefined);
              reject(err ?? new Error("cannot open zip"));
            } else resolve(zipfile);
          });
        }),
      (err: unknown) => {
        throw fsErrorToExtractError(err);
      },
    );
  }
  return source.buffer(ctx.limits.maxFileSize).then(
    (buf) =>
      new Promise<yauzl.ZipFile>((resolve, reject) => {
        yauzl.fromBuffer(buf, options, (err, zipfile) => (err || !zipfile ? reject(err ?? new Error("cannot open zip")) : resolve(zipfile)));
      }),
  );
}

export function nextEntry(zip: yauzl.ZipFile): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      zip.off("entry", onEntry);
      zip.off("end", onEnd);
      zip.off("error", onError);
    };
    const onEntry = (entry: Entry) => {
      cleanup();
      resolve(entry);
    };
    const onEnd = () => {
      cleanup();
      resolve(null);
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    zip.on("entry", onEntry);
    zip.on("end", onEnd);
    zip.on("error", onError);
    zip.readEntry();
  });
}

interface ReadOutcome {
  buffer?: Buffer;
  code?: "ZIP_BOMB" | "ARCHIVE_LIMIT" | "CORRUPT" | "UNSUPPORTED";
  message?: string;
}

/** Reads one member into memory, counting the real bytes against `limit` (declared size and budget). */
function readMember(zip: yauzl.ZipFile, entry: Entry, declared: number, budgetLeft: number): Promise<ReadOutcome> {
  return new Promise((resolve) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) {
        const message = errorMessage(err);
        if (/unsupported compression method/i.test(message)) resolve({ code: "UNSUPPORTED", message: `ZIP member uses an ${message}` });
        else resolve({ code: "CORRUPT", message: `damaged ZIP member: ${message}` });
        return;
      }
      const chunks: Buffer[] = [];
      let total = 0;
      let done = false;
      const finish = (outcome: ReadOutcome) => {
        if (done) return;
        done = true;
        if (outcome.code) stream.destroy();
        resolve(outcome);
      };
      stream.on("data", (chunk: Buffer) => {
        total += chunk.length;
        if (total > declared) {
          finish({ code: "ZIP_BOMB", message: `member unpacks to more than its declared size of ${declared} bytes` });
        } else if (total > budgetLeft) {
          finish({ code: "ARCHIVE_LIMIT", message: "archive unpacks to more bytes than the archive limit allows" });
        } else {
          chunks.push(chunk);
        }
      });
      stream.on("error", (e: Error) => {
        if (/too many bytes/i.test(e.message)) {
          finish({ code: "ZIP_BOMB", message: `member unpacks to more than its declared size of ${declared} bytes` });
        } else {
          finish({ code: "CORRUPT", message: `damaged ZIP member: ${e.message}` });
        }
      });
      stream.on("end", () => finish({ buffer: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total) }));
    });
  });
}

export function decodeName(entry: Entry): string {
  const raw = entry.fileName as unknown;
  if (typeof raw === "string") return raw;
  const lowLevel = (yauzl as unknown as {
    getFileNameLowLevel(flags: number, name: Buffer, extra: Array<{ id: number; data: Buffer }>, strict: boolean): string;
  }).getFileNameLowLevel;
  return lowLevel(entry.generalPurposeBitFlag, raw as Buffer, entry.extraFields, false);
}

function formatBytes(n: number): string {
  return n >= MIB ? `${(n / MIB).toFixed(1)} MiB` : `${n} bytes`;
}

export const zipExtractor: Extractor = {
  format: "zip",
  async *extract(source: Source, ctx: ExtractContext): AsyncGenerator<ExtractItem> {
    const limits = ctx.limits;
    if (source.depth >= limits.maxArchiveDepth) {
      throw new ExtractError(
        "ARCHIVE_LIMIT",
        `archive nested more than ${limits.maxArchiveDepth} levels deep; not opened`,
        "skipped",
      );
    }
    const budget = ctx.budget ?? childBudgets.get(source) ?? createArchiveBudget(limits);

    let zip: yauzl.ZipFile;
    try {
      zip = await openZip(source, ctx);
    } catch (err) {
      throw toExtractError(err, "not a valid ZIP archive");
    }
    // yauzl emits 'error' at most once per failure; never let one go unhandled.
    zip.on("error", () => undefined);

    try {
      for (;;) {
        let entry: Entry | null;
        try {
          entry = await nextEntry(zip);
        } catch (err) {
          throw toExtractError(err, "damaged ZIP archive");
        }
        if (!entry) break;
        const name = decodeName(entry);
        if (name.endsWith("/") || name.startsWith("__MACOSX/") || name.includes("/__MACOSX/")) continue;

        const path = `${source.path}!/${name}`;
        const declared = entry.uncompressedSize;
        let modifiedAt: Date;
        try {
          modifiedAt = entry.getLastModDate();
          if (Number.isNaN(modifiedAt.getTime())) modifiedAt = source.modifiedAt;
        } catch {
          modifiedAt = source.modifiedAt;
        }
        const childError = (status: "failed" | "skipped", code: ExtractError["code"], message: string): ExtractItem => ({
          type: "child-error",
          path,
          size: declared,
          modifiedAt,
          status,
          code,
          message,
        });

        if (budget.entriesLeft <= 0) {
          const remaining = zip.entryCount - zip.entriesRead + 1;
          yield childError(
            "skipped",
            "ARCHIVE_LIMIT",
            `archive has more than ${limits.maxArchiveEntries} members; this and the ${remaining - 1} member(s) after it in this archive are not read`,
          );
          break;
        }
        budget.entriesLeft--;

        if (entry.isEncrypted()) {
          yield childError("failed", "ENCRYPTED", "password-protected ZIP member");
          continue;
        }
        if (declared > limits.maxFileSize) {
          yield childError("skipped", "TOO_LARGE", `member is ${formatBytes(declared)}, more than the limit of ${formatBytes(limits.maxFileSize)}`);
          continue;
        }
        const compressed = entry.compressedSize;
        const ratio = compressed > 0 ? declared / compressed : declared > 0 ? Infinity : 0;
        if (declared > BOMB_MIN_SIZE && ratio > limits.maxCompressionRatio) {
          const shown = Number.isFinite(ratio) ? `${Math.round(ratio)}:1` : "infinite";
          yield childError(
            "skipped",
            "ZIP_BOMB",
            `compression ratio ${shown} (${formatBytes(compressed)} → ${formatBytes(declared)}) exceeds ${limits.maxCompressionRatio}:1; possible zip bomb`,
          );
          continue;
        }
        if (declared > budget.bytesLeft) {
          yield childError(
            "skipped",
            "ARCHIVE_LIMIT",
            `archive unpacks to more than ${formatBytes(limits.maxArchiveBytes)}; member of ${formatBytes(declared)} not read`,
          );
          continue;
        }
        if (entry.canDecodeFileData && !entry.canDecodeFileData()) {
          yield childError("failed", "UNSUPPORTED", `ZIP member uses unsupported compression method ${entry.compressionMethod}`);
          continue;
        }

        const outcome = await readMember(zip, entry, declared, budget.bytesLeft);
        if (!outcome.buffer) {
          const code = outcome.code ?? "CORRUPT";
          const status = code === "CORRUPT" || code === "UNSUPPORTED" ? "failed" : "skipped";
          yield childError(status, code, outcome.message ?? "cannot read ZIP member");
          continue;
        }
        budget.bytesLeft -= outcome.buffer.length;
        const child = bufferSource(path, outcome.buffer, modifiedAt, source.depth + 1);
        childBudgets.set(child, budget);
        yield { type: "child", source: child };
      }
    } finally {
      zip.close();
    }
  },
};

