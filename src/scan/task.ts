// The message the main thread sends a worker for one file: plain data, structured-cloneable.
import type { ExtractLimits } from "../extract/types.js";
import type { FindingLimits } from "../aggregate/file-findings.js";

export interface ScanTask {
  absPath: string;
  path: string;
  size: number;
  modifiedAtMs: number;
  ruleDirs: string[];
  disableRules: string[];
  limits: ExtractLimits;
  findingLimits: FindingLimits;
}
