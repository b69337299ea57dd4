// Reporters by name. Adding a format is one file and one line here.
import type { ScanReport } from "../model/types.js";
import { csvReporter } from "./csv.js";
import { htmlReporter } from "./html.js";
import { jsonReporter } from "./json.js";
import { mdReporter } from "./md.js";
import { sarifReporter } from "./sarif.js";
import { textReporter } from "./text.js";
import type { RenderContext, Reporter, RuleMeta } from "./types.js";

export const REPORTERS: Record<string, Reporter> = {
  text: textReporter,
  json: jsonReporter,
  html: htmlReporter,
  md: mdReporter,
  csv: csvReporter,
  sarif: sarifReporter,
};

export function renderReport(report: ScanReport, format: string, ctx: RenderContext): string {
  const reporter = REPORTERS[format];
  if (!reporter) throw new Error(`unknown format ${format} (one of: ${Object.keys(REPORTERS).join(", ")})`);
  return reporter.render(report, ctx);
}

export type { RenderContext, Reporter, RuleMeta };
