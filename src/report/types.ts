// A reporter is a pure function of the report (ESLint/secretlint formatters); the CLI writes.
import type { Category, FindingClassification, ScanReport } from "../model/types.js";
import type { Lang } from "./i18n.js";

/** What a format may say about a rule besides its id (SARIF lists every rule that ran). */
export interface RuleMeta {
  id: string;
  category: Category;
  classification: FindingClassification;
  description: string;
}

export interface RenderContext {
  lang: Lang;
  color: boolean;
  /** The rules that ran, when known (the scan command knows them; a saved report does not). */
  rules?: RuleMeta[];
}

export interface Reporter {
  id: string;
  extension: string;
  render(report: ScanReport, ctx: RenderContext): string;
}
