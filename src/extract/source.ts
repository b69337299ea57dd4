// Sources: a file on disk (opened read-only, without touching its access time) or an
// in-memory buffer (an archive member).
import fs from "node:fs";
import { Readable } from "node:stream";
import { ExtractError, HEAD_BYTES, type Source } from "./types.js";
import { fsErrorToExtractError } from "./errors.js";

export { fsErrorToExtractError } from "./errors.js";

const O_RDONLY = fs.constants.O_RDONLY;
const O_NOATIME: number = (fs.constants as Record<string, number>).O_NOATIME ?? 0;

/**
 * Opens `absPath` read-only, with O_NOATIME where the platform and the file's ownership allow
 * it (O_NOATIME fails with EPERM on files the process does not own: then without it).
 * Returns the handle and the flags that worked, so later opens can reuse them.
 */
export async function openReadOnly(absPath: string, preferredFlags?: number): Promise<{ handle: fs.promises.FileHandle; flags: number }> {
  const first = preferredFlags ?? (O_RDONLY | O_NOATIME);
  try {
    return { handle: await fs.promises.open(absPath, first), flags: first };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (first !== O_RDONLY && (code === "EPERM" || code === "EINVAL")) {
      return { handle: await fs.promises.open(absPath, O_RDONLY), flags: O_RDONLY };
    }
    throw err;
  }
}

/** Like openReadOnly, but a plain file descriptor (for libraries that take an fd; the caller closes it). */
export function openReadOnlyFd(absPath: string): Promise<number> {
  const open = (flags: number) =>
    new Promise<number>((resolve, reject) => fs.open(absPath, flags, (err, fd) => (err ? reject(err) : resolve(fd))));
  return open(O_RDONLY | O_NOATIME).catch((err: NodeJS.ErrnoException) => {
    if (O_NOATIME !== 0 && (err.code === "EPERM" || err.code === "EINVAL")) return open(O_RDONLY);
    throw err;
  });
}

function tooLarge(path: string, size: number, limit: number): ExtractError {
  return new ExtractError("TOO_LARGE", `${path} is ${size} bytes, more than the limit of ${limit} bytes`, "skipped");
}

/**
 * A Source for a file on disk. Reads the head right away (rejects with an ExtractError
 * EACCES/ENOENT/EIO when the file cannot be opened). Every later open is read-only with the
 * same flags; errors of `stream()` are raw fs errors (map them with fsErrorToExtractError).
 */
export async function fileSource(absPath: string, relPath: string, stat: { size: number; mtime: Date }): Promise<Source> {
  let opened: { handle: fs.promises.FileHandle; flags: number };
  try {
    opened = await openReadOnly(absPath);
  } catch (err) {
    throw fsErrorToExtractError(err);
  }
  const { handle, flags } = opened;
  let head: Buffer;
  try {
    const want = Math.min(HEAD_BYTES, Math.max(stat.size, 0));
    const buf = Buffer.alloc(want);
    let filled = 0;
    while (filled < want) {
      const { bytesRead } = await handle.read(buf, filled, want - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    head = filled === want ? buf : buf.subarray(0, filled);
  } catch (err) {
    throw fsErrorToExtractError(err);
  } finally {
    await handle.close().catch(() => undefined);
  }

  return {
    path: relPath,
    size: stat.size,
    modifiedAt: stat.mtime,
    head,
    depth: 0,
    filePath: absPath,
    stream(): Readable {
      // Numeric open flags work at runtime (fs.open takes them); the typings only list strings.
      return fs.createReadStream(absPath, { flags: flags as unknown as string, highWaterMark: 64 * 1024 });
    },
    async buffer(limit: number): Promise<Buffer> {
      if (stat.size > limit) throw tooLarge(relPath, stat.size, limit);
      let h: fs.promises.FileHandle;
      try {
        h = (await openReadOnly(absPath, flags)).handle;
      } catch (err) {
        throw fsErrorToExtractError(err);
      }
      try {
        // Read at most limit + 1 bytes: a file that grew past the limit since stat is refused too.
        const chunks: Buffer[] = [];
        let total = 0;
        for (;;) {
          const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, limit + 1 - total));
          const { bytesRead } = await h.read(chunk, 0, chunk.length, total);
          if (bytesRead === 0) break;
          chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
          total += bytesRead;
          if (total > limit) throw tooLarge(relPath, total, limit);
        }
        return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
      } catch (err) {
        throw fsErrorToExtractError(err);
      } finally {
        await h.close().catch(() => undefined);
      }
    },
  };
}

/** A Readable over a Buffer in slices of 64 KiB (byte mode, not object mode). */
export function bufferStream(buf: Buffer, chunkSize = 64 * 1024): Readable {
  let offset = 0;
  return new Readable({
    highWaterMark: chunkSize,
    read() {
      if (offset >= buf.length) {
        this.push(null);
        return;
      }
      const end = Math.min(offset + chunkSize, buf.length);
      this.push(buf.subarray(offset, end));
      offset = end;
    },
  });
}

/** A Source over an in-memory Buffer (an archive member); `path` like "a.zip!/dir/x.csv". */
export function bufferSource(path: string, buf: Buffer, modifiedAt: Date, depth: number): Source {
  return {
    path,
    size: buf.length,
    modifiedAt,
    head: buf.subarray(0, HEAD_BYTES),
    depth,
    stream: () => bufferStream(buf),
    async buffer(limit: number): Promise<Buffer> {
      if (buf.length > limit) throw tooLarge(path, buf.length, limit);
      return buf;
    },
  };
}
