// The main-thread side of a scan: walk the roots, hand files to a pool of worker threads,
// gather their masked entries and build the report. A slow or crashing file costs its own
// entry (TIMEOUT, OUT_OF_MEMORY), never the scan.
import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import type { Category, Confidence, FileReport, ScanReport, ScanSummary } from "../model/types.js";
import { CATEGORIES } from "../model/types.js";
import { DEFAULT_LIMITS, type ExtractLimits } from "../extract/types.js";
import { DEFAULT_FINDING_LIMITS, type FindingLimits } from "../aggregate/file-findings.js";
import { sanitizeMessage } from "../aggregate/mask.js";
import { BUILTIN_RULES_DIR, loadRuleSet } from "../ruleset/load.js";
import type { CompiledRule } from "../ruleset/types.js";
import { walkRoots, type WalkEntry } from "../walk/walk.js";
import { TOOL_VERSION } from "../version.js";
import type { ScanTask } from "./task.js";
import { withNameFindings } from "./name-findings.js";
import { errorEntry } from "../aggregate/entries.js";

export interface ProgressEvent {
  done: number;
  total: number;
  /** The file that just finished. */
  current?: string;
}

export interface ScanOptions {
  roots: string[];
  include?: string[];
  exclude?: string[];
  /** Bytes; larger files are skipped (TOO_LARGE). */
  maxFileSize?: number;
  minConfidence?: Confidence;
  /** Extra rule folders, loaded after the built-in rules. */
  rules?: string[];
  /** Worker threads; default: the number of cores. */
  jobs?: number;
  followSymlinks?: boolean;
  /** Longest time one file may take before its worker is stopped (TIMEOUT). */
  fileTimeoutMs?: number;
  limits?: Partial<ExtractLimits>;
  findingLimits?: Partial<Omit<FindingLimits, "minConfidence">>;
  onProgress?: (event: ProgressEvent) => void;
  /** Rule ids not to run. */
  disableRules?: string[];
  /** Only these files (absolute paths), e.g. a changed-files list; others under the roots are left out. */
  onlyFiles?: Set<string>;
  /**
   * Baseline key: values are hashed with HMAC-SHA256 under it in the workers; the hashes are
   * handed to `onValueMacs` and never put in the report.
   */
  valueKey?: string;
  onValueMacs?: (file: string, ruleId: string, region: string, macs: string[]) => void;
  /** Called once with the rules that run (for formats that list them, e.g. SARIF). */
  onRules?: (rules: readonly CompiledRule[]) => void;
}

export const DEFAULT_FILE_TIMEOUT_MS = 5 * 60 * 1000;

function failedEntry(entry: WalkEntry, code: "TIMEOUT" | "OUT_OF_MEMORY" | "INTERNAL", message: string): FileReport {
  return errorEntry(entry, "unknown", "failed", code, message);
}

function poolFailure(entry: WalkEntry, err: unknown, timeoutMs: number): FileReport {
  const e = err as { name?: string; code?: string; message?: string };
  if (e?.name === "AbortError") return failedEntry(entry, "TIMEOUT", `not done after ${Math.round(timeoutMs / 1000)} s; stopped`);
  if (e?.code === "ERR_WORKER_OUT_OF_MEMORY") return failedEntry(entry, "OUT_OF_MEMORY", "the file needed more memory than a worker may use");
  return failedEntry(entry, "INTERNAL", sanitizeMessage(e?.message ?? String(err)));
}

const byPath = (a: FileReport, b: FileReport): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

export function summarize(files: FileReport[]): ScanSummary {
  const summary: ScanSummary = {
    filesScanned: 0, filesFailed: 0, filesSkipped: 0, bytesScanned: 0,
    byClassification: { none: 0, generic: 0, special: 0 },
    byCategory: {},
  };
  const counts = new Map<Category, number>();
  for (const f of files) {
    if (f.status === "scanned") {
      summary.filesScanned++;
      summary.byClassification[f.classification]++;
      // Bytes on disk: archive members are inside their archive's bytes already.
      if (!f.path.includes("!/")) summary.bytesScanned += f.size;
    } else if (f.status === "failed") summary.filesFailed++;
    else summary.filesSkipped++;
    for (const finding of f.findings) counts.set(finding.category, (counts.get(finding.category) ?? 0) + finding.count);
  }
  for (const c of CATEGORIES) if (counts.has(c)) summary.byCategory[c] = counts.get(c);
  return summary;
}

/** Scans the roots and returns the report; rule and root problems throw before any file is read. */
export async function scan(options: ScanOptions): Promise<ScanReport> {
  const startedAt = new Date();
  const minConfidence = options.minConfidence ?? "medium";
  const limits: ExtractLimits = { ...DEFAULT_LIMITS, ...options.limits };
  if (options.maxFileSize !== undefined) limits.maxFileSize = options.maxFileSize;
  const findingLimits: FindingLimits = { ...DEFAULT_FINDING_LIMITS, ...options.findingLimits, minConfidence };
  if (options.valueKey) findingLimits.valueKey = options.valueKey;
  const ruleDirs = [BUILTIN_RULES_DIR, ...(options.rules ?? [])];
  const disabled = options.disableRules ?? [];
  const ruleSet = loadRuleSet(ruleDirs, { disable: disabled }); // fails fast, in the main thread, on a broken rule file
  options.onRules?.(ruleSet.rules);
  const timeoutMs = options.fileTimeoutMs ?? DEFAULT_FILE_TIMEOUT_MS;

  const walked = await walkRoots(options.roots, {
    include: options.include, exclude: options.exclude, maxFileSize: limits.maxFileSize, followSymlinks: options.followSymlinks,
    onlyFiles: options.onlyFiles,
  });
  // Skipped files (too large, links) still say what their names give away.
  const files: FileReport[] = walked.skipped.map((f) => withNameFindings(f, { rules: ruleSet.rules, findingLimits }));
  const total = walked.entries.length;
  let done = 0;
  options.onProgress?.({ done, total });

  if (total > 0) {
    const jobs = Math.max(1, Math.min(options.jobs ?? availableParallelism(), total));
    const pool = new Piscina<ScanTask, FileReport[]>({
      filename: new URL("./worker.js", import.meta.url).href,
      minThreads: jobs,
      maxThreads: jobs,
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: 4096 },
    });
    let next = 0;
    // As many files in flight as there are workers, so a task's timeout starts when it does.
    const runOne = async (): Promise<void> => {
      while (next < total) {
        const entry = walked.entries[next++];
        const task: ScanTask = {
          absPath: entry.absPath, path: entry.path, size: entry.size, modifiedAtMs: entry.modifiedAt.getTime(),
          ruleDirs: ruleSet.dirs, disableRules: disabled, limits, findingLimits,
        };
        try {
          files.push(...(await pool.run(task, { signal: AbortSignal.timeout(timeoutMs) })));
        } catch (err) {
          files.push(poolFailure(entry, err, timeoutMs));
        }
        options.onProgress?.({ done: ++done, total, current: entry.path });
      }
    };
    try {
      await Promise.all(Array.from({ length: jobs }, runOne));
    } finally {
      await pool.destroy();
    }
  }

  files.sort(byPath);
  // Value hashes leave here, to the caller's baseline; the report never holds them.
  for (const f of files) {
    for (const finding of f.findings) {
      for (const r of finding.regions ?? []) {
        if (r.valueMacs) options.onValueMacs?.(f.path, finding.ruleId, r.region, r.valueMacs);
        delete r.valueMacs;
      }
    }
  }
  return {
    schemaVersion: 1,
    tool: { name: "avg-scan", version: TOOL_VERSION },
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    roots: options.roots.map((r) => r.split("\\").join("/")),
    options: { minConfidence, rulesetHash: ruleSet.hash, rules: ruleSet.rules.length },
    summary: summarize(files),
    files,
  };
}
