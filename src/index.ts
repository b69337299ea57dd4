// Programmatic API: scan(options) → ScanReport, plus the types and renderers around it.
export { scan, summarize } from "./scan/scan.js";
export type { ScanOptions, ProgressEvent } from "./scan/scan.js";
export { loadRuleSet, BUILTIN_RULES_DIR, RuleError } from "./ruleset/load.js";
export { checkRuleExamples } from "./ruleset/examples.js";
export { renderReport, REPORTERS } from "./report/index.js";
export * from "./model/types.js";
