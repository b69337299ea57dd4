// The worker-thread side of the pool: scans one file on disk per task and returns its
// masked entries. Raw values never cross the thread boundary: only FileReports do.
import type { FileReport } from "../model/types.js";
import { fileSource, toExtractError } from "../extract/index.js";
import { sanitizeMessage } from "../aggregate/mask.js";
import { loadRuleSet } from "../ruleset/load.js";
import type { RuleSet } from "../ruleset/types.js";
import { scanSource } from "./scan-source.js";
import { withNameFindings } from "./name-findings.js";
import { errorEntry } from "../aggregate/entries.js";
import type { ScanTask } from "./task.js";

let cached: { key: string; ruleSet: RuleSet } | undefined;

function rulesFor(dirs: string[], disable: string[]): RuleSet {
  const key = JSON.stringify([dirs, disable]);
  if (cached?.key !== key) cached = { key, ruleSet: loadRuleSet(dirs, { disable }) };
  return cached.ruleSet;
}

export default async function scanTask(task: ScanTask): Promise<FileReport[]> {
  const modifiedAt = new Date(task.modifiedAtMs);
  const ruleSet = rulesFor(task.ruleDirs, task.disableRules);
  const options = { rules: ruleSet.rules, findingLimits: task.findingLimits };
  try {
    const source = await fileSource(task.absPath, task.path, { size: task.size, mtime: modifiedAt });
    return await scanSource(source, { limits: task.limits }, options);
  } catch (err) {
    const e = toExtractError(err);
    const entry = errorEntry({ path: task.path, size: task.size, modifiedAt }, "unknown", e.status, e.code, sanitizeMessage(e.message));
    return [withNameFindings(entry, options)];
  }
}
