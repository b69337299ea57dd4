// A Markdown report for a consultant's document: totals, the categories, the files with
// personal data (special first) with masked samples, and what could not be read.
import type { Classification, ScanReport } from "../model/types.js";
import { CATEGORY_CLASSIFICATION } from "../model/types.js";
import { CATEGORY_LABEL, CLASSIFICATION_LABEL, DOC_TEXT, formatBytes } from "./i18n.js";
import type { Reporter, RenderContext } from "./types.js";
import { categoriesOf, errorLabel, filesWithCategory, filesWithFindings, samplesOf, summaryCategories, valueCount } from "./view.js";

/** Text safe inside a Markdown table cell: no pipes, no line breaks, no markup. */
export function mdCell(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/([|*_`[\]<>#])/g, "\\$1")
    .replace(/\s+/g, " ")
    .trim();
}

/** A masked sample as a code span: asterisks need no escaping there. */
export function mdCode(text: string): string {
  return `\`${text.replace(/[`|]/g, "'").replace(/\s+/g, " ")}\``;
}

/** A table; cells are escaped, except the ones already built as code spans. */
function table(head: string[], rows: (string | { code: string[] })[][], align: ("l" | "r")[]): string[] {
  const cell = (c: string | { code: string[] }) => (typeof c === "string" ? mdCell(c) : c.code.map(mdCode).join(", "));
  return [
    `| ${head.map(mdCell).join(" | ")} |`,
    `| ${align.map((a) => (a === "r" ? "---:" : "---")).join(" | ")} |`,
    ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
  ];
}

export function renderMd(report: ScanReport, ctx: RenderContext): string {
  const t = DOC_TEXT[ctx.lang];
  const cls = CLASSIFICATION_LABEL[ctx.lang];
  const cat = CATEGORY_LABEL[ctx.lang];
  const s = report.summary;
  const out: string[] = [];
  out.push(`# ${t.reportTitle}`, "");
  out.push(`- ${t.roots}: ${report.roots.map((r) => `\`${r.replace(/`/g, "'")}\``).join(", ")}`);
  out.push(`- ${t.scannedAt}: ${report.startedAt.slice(0, 10)}`);
  out.push(`- ${t.minConfidence}: ${t[`confidence_${report.options.minConfidence}`]}`);
  out.push(`- ${t.generated(report.finishedAt.slice(0, 10), report.tool.version)}`, "");
  out.push(`> ${t.masked}`, "");

  out.push(`## ${t.totals}`, "");
  out.push(
    ...table(
      [t.files, t.filesScanned, t.filesFailed, t.filesSkipped, t.bytes],
      [[String(report.files.length), String(s.filesScanned), String(s.filesFailed), String(s.filesSkipped), formatBytes(s.bytesScanned, ctx.lang)]],
      ["r", "r", "r", "r", "r"],
    ),
    "",
  );
  const classRows = (["special", "generic", "none"] as Classification[]).map((c) => [cls[c], String(s.byClassification[c])]);
  out.push(...table([t.classification, t.files], classRows, ["l", "r"]), "");

  const categories = summaryCategories(report);
  if (categories.length) {
    const rows = categories.map((c) => [cat[c], cls[CATEGORY_CLASSIFICATION[c]], String(filesWithCategory(report, c)), String(s.byCategory[c])]);
    out.push(...table([t.category, t.classification, t.files, t.values], rows, ["l", "l", "r", "r"]), "");
  } else {
    out.push(t.noFindings, "");
  }

  const withData = filesWithFindings(report);
  out.push(`## ${t.fileTable}`, "");
  if (withData.length) {
    const rows = withData.map((f) => [f.path, cls[f.classification], categoriesOf(f).map((c) => cat[c]).join(", "), String(valueCount(f)), { code: samplesOf(f, 3) }]);
    out.push(...table([t.path, t.classification, t.categories, t.values, t.samples], rows, ["l", "l", "l", "r", "l"]), "");
  } else {
    out.push(t.noFindings, "");
  }

  const problems = report.files.filter((f) => f.status !== "scanned");
  out.push(`## ${t.problems}`, "");
  if (problems.length) {
    const rows = problems.map((f) => {
      const code = f.error?.code ?? "";
      const label = errorLabel(code, ctx.lang);
      return [f.path, t[`status_${f.status}`], `${label} (${code})`, f.error?.message ?? ""];
    });
    out.push(...table([t.path, t.status, t.code, t.message], rows, ["l", "l", "l", "l"]), "");
  } else {
    out.push(t.noProblems, "");
  }
  return `${out.join("\n").trimEnd()}\n`;
}

export const mdReporter: Reporter = { id: "md", extension: ".md", render: renderMd };
