// Walks the roots with fast-glob and turns them into the list of files to scan. Skips VCS
// and dependency folders and whatever a root's .avgscanignore says; does not follow
// symbolic links unless asked; never lists one file twice (overlapping roots, hard links).
// Files it will not scan (too large, links) become skipped entries that keep their reason.
import { lstatSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import fg from "fast-glob";
import ignore, { type Ignore } from "ignore";
import type { FileReport } from "../model/types.js";
import { errorEntry } from "../aggregate/entries.js";

/** Folders that hold tooling, not documents. */
export const DEFAULT_EXCLUDES = [
  "**/.git/**", "**/.hg/**", "**/.svn/**", "**/node_modules/**", "**/__pycache__/**",
  "**/.venv/**", "**/.cache/**", "**/.Trash/**", "**/$RECYCLE.BIN/**", "**/.avgscanignore",
];

export const IGNORE_FILE = ".avgscanignore";

export interface WalkOptions {
  include?: string[];
  exclude?: string[];
  maxFileSize: number;
  followSymlinks?: boolean;
  /** Only these files (absolute paths): a changed-files list. */
  onlyFiles?: Set<string>;
}

export interface WalkEntry {
  /** The root as the user gave it. */
  root: string;
  absPath: string;
  /** Report path: POSIX, relative to the root (prefixed with the root's name when there are several roots). */
  path: string;
  size: number;
  modifiedAt: Date;
}

export interface WalkResult {
  entries: WalkEntry[];
  skipped: FileReport[];
}

export class RootError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RootError";
  }
}

const toPosix = (p: string): string => p.split(path.sep).join("/");

// A pattern without a slash matches at any depth, as in .gitignore (`*.log` is `**/*.log`).
const anyDepth = (pattern: string): string => (pattern.includes("/") ? pattern : `**/${pattern}`);

interface ResolvedRoot {
  given: string;
  dir: string;
  /** Set when the root is a single file. */
  file?: string;
  label: string;
}

function resolveRoots(roots: string[]): ResolvedRoot[] {
  const resolved = roots.map((given): ResolvedRoot => {
    const abs = path.resolve(given);
    let stat;
    try {
      stat = statSync(abs);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new RootError(code === "ENOENT" ? `path not found: ${given}` : `cannot read ${given}: ${code ?? (err as Error).message}`);
    }
    if (stat.isFile()) return { given, dir: path.dirname(abs), file: path.basename(abs), label: "" };
    if (!stat.isDirectory()) throw new RootError(`not a file or folder: ${given}`);
    return { given, dir: abs, label: "" };
  });
  // Several folder roots: prefix each path with the root's name so paths stay unique.
  if (resolved.filter((r) => !r.file).length > 1) {
    const used = new Map<string, number>();
    for (const r of resolved) {
      if (r.file) continue;
      const base = path.basename(r.dir) || "root";
      const n = (used.get(base) ?? 0) + 1;
      used.set(base, n);
      r.label = n === 1 ? base : `${base}~${n}`;
    }
  }
  return resolved;
}

function loadIgnoreFile(dir: string): Ignore | undefined {
  try {
    return ignore().add(readFileSync(path.join(dir, IGNORE_FILE), "utf8"));
  } catch {
    return undefined;
  }
}

function skippedEntry(path: string, size: number, modifiedAt: Date, code: "TOO_LARGE" | "SYMLINK", message: string): FileReport {
  return errorEntry({ path, size, modifiedAt }, "unknown", "skipped", code, message);
}

export async function walkRoots(roots: string[], options: WalkOptions): Promise<WalkResult> {
  const entries: WalkEntry[] = [];
  const skipped: FileReport[] = [];
  const seenPaths = new Set<string>();
  const seenInodes = new Set<string>();
  const follow = options.followSymlinks ?? false;

  for (const root of resolveRoots(roots)) {
    const ignorer = root.file ? undefined : loadIgnoreFile(root.dir);
    const patterns = root.file ? [fg.escapePath(root.file)] : options.include?.length ? options.include.map(anyDepth) : ["**/*"];
    const stream = fg.stream(patterns, {
      cwd: root.dir,
      dot: true,
      onlyFiles: false,
      followSymbolicLinks: follow,
      ignore: [...DEFAULT_EXCLUDES, ...(options.exclude ?? []).map(anyDepth)],
      suppressErrors: true,
      objectMode: true,
    });
    const found: { rel: string; dirent: { isFile(): boolean; isSymbolicLink(): boolean; isDirectory(): boolean } }[] = [];
    for await (const item of stream as AsyncIterable<fg.Entry>) found.push({ rel: item.path, dirent: item.dirent });
    // fast-glob yields in directory-read order; sort so runs are deterministic.
    found.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));

    for (const { rel, dirent } of found) {
      if (dirent.isDirectory()) continue;
      if (ignorer?.ignores(rel)) continue;
      const absPath = path.join(root.dir, rel);
      if (options.onlyFiles && !options.onlyFiles.has(absPath)) continue;
      const reportPath = root.label ? `${root.label}/${toPosix(rel)}` : toPosix(rel);
      if (seenPaths.has(absPath)) continue;
      seenPaths.add(absPath);
      let stat;
      try {
        stat = follow ? statSync(absPath) : lstatSync(absPath);
      } catch {
        continue; // vanished between listing and stat
      }
      if (stat.isSymbolicLink()) {
        skipped.push(skippedEntry(reportPath, 0, stat.mtime, "SYMLINK", "symbolic link, not followed (use --follow-symlinks)"));
        continue;
      }
      if (!stat.isFile()) continue; // sockets, fifos, devices: nothing to read
      const inode = `${stat.dev}:${stat.ino}`;
      if (seenInodes.has(inode)) continue; // a hard link, or a followed link, to a file already listed
      seenInodes.add(inode);
      if (stat.size > options.maxFileSize) {
        skipped.push(skippedEntry(reportPath, stat.size, stat.mtime, "TOO_LARGE", `file is ${stat.size} bytes, over the limit of ${options.maxFileSize} (--max-file-size)`));
        continue;
      }
      entries.push({ root: root.given, absPath, path: reportPath, size: stat.size, modifiedAt: stat.mtime });
    }
  }
  return { entries, skipped };
}
