// A reporter is a pure function of the report (ESLint/secretlint formatters); the CLI writes.
import type { ScanReport } from "../model/types.js";
import type { Lang } from "./i18n.js";

export interface RenderContext {
  lang: Lang;
  color: boolean;
}

export interface Reporter {
  id: string;
  extension: string;
  render(report: ScanReport, ctx: RenderContext): string;
}
