// Test helpers: temp files, running extractors, a miniature pipeline for archives.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import yazl from "yazl";
import { EXTRACTORS, sniffSource } from "../../src/extract/index.js";
import { fileSource } from "../../src/extract/source.js";
import { DEFAULT_LIMITS, type ExtractContext, type ExtractItem, type Source } from "../../src/extract/types.js";
import type { TextUnit } from "../../src/model/types.js";

export function makeTempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `avg-scan-${prefix}-`));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

export async function sourceFor(dir: string, name: string): Promise<Source> {
  const abs = path.join(dir, name);
  const st = fs.statSync(abs);
  return fileSource(abs, name, { size: st.size, mtime: st.mtime });
}

export function ctx(limits: Partial<ExtractContext["limits"]> = {}): ExtractContext {
  return { limits: { ...DEFAULT_LIMITS, ...limits } };
}

export async function collect(items: AsyncIterable<ExtractItem>): Promise<ExtractItem[]> {
  const out: ExtractItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

export function unitsOf(items: ExtractItem[]): TextUnit[] {
  return items.flatMap((i) => (i.type === "unit" ? [i.unit] : []));
}

/** Sniffs and extracts with the matching extractor; returns the units. */
export async function extractUnits(source: Source, context: ExtractContext = ctx()): Promise<TextUnit[]> {
  const sniff = sniffSource(source);
  if (sniff.kind !== "format") throw new Error(`rejected: ${sniff.code} ${sniff.message}`);
  return unitsOf(await collect(EXTRACTORS[sniff.format].extract(source, context)));
}

export interface TreeEntry {
  path: string;
  format?: string;
  status: "scanned" | "failed" | "skipped";
  code?: string;
  message?: string;
  units: TextUnit[];
}

/** A miniature pipeline: sniff, extract, recurse into children (the same ctx is passed on). */
export async function extractTree(source: Source, context: ExtractContext, out: TreeEntry[] = []): Promise<TreeEntry[]> {
  const sniff = sniffSource(source);
  if (sniff.kind === "reject") {
    out.push({ path: source.path, format: sniff.format, status: sniff.status, code: sniff.code, message: sniff.message, units: [] });
    return out;
  }
  const entry: TreeEntry = { path: source.path, format: sniff.format, status: "scanned", units: [] };
  out.push(entry);
  try {
    for await (const item of EXTRACTORS[sniff.format].extract(source, context)) {
      if (item.type === "unit") entry.units.push(item.unit);
      else if (item.type === "child") await extractTree(item.source, context, out);
      else out.push({ path: item.path, status: item.status, code: item.code, message: item.message, units: [] });
    }
  } catch (err) {
    const e = err as { code?: string; status?: "failed" | "skipped"; message: string };
    entry.status = e.status ?? "failed";
    entry.code = e.code ?? "INTERNAL";
    entry.message = e.message;
  }
  return out;
}

export function zipBuffer(members: Array<{ name: string; data: Buffer | string; compress?: boolean }>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const m of members) {
    zip.addBuffer(typeof m.data === "string" ? Buffer.from(m.data) : m.data, m.name, {
      compress: m.compress ?? true,
      mtime: new Date("2024-03-01T12:00:00Z"),
    });
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on("data", (c: Buffer) => chunks.push(c));
    zip.outputStream.on("error", reject);
    zip.outputStream.on("end", () => resolve(Buffer.concat(chunks)));
  });
}

/** Sets the "encrypted" bit of every entry (local and central headers) of a zip buffer. */
export function markZipEncrypted(buf: Buffer): Buffer {
  const out = Buffer.from(buf);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x04034b50) out.writeUInt16LE(out.readUInt16LE(i + 6) | 1, i + 6);
    else if (sig === 0x02014b50) out.writeUInt16LE(out.readUInt16LE(i + 8) | 1, i + 8);
  }
  return out;
}
