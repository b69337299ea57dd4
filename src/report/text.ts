// The terminal summary: counts per classification and category, the files with special
// data first, then what could not be read and why. Dutch unless --lang en.
import { Chalk, type ChalkInstance } from "chalk";
import type { Classification, ScanReport } from "../model/types.js";
import { CATEGORY_CLASSIFICATION } from "../model/types.js";
import { CATEGORY_LABEL, CLASSIFICATION_LABEL, TEXT, formatBytes } from "./i18n.js";
import type { Reporter, RenderContext } from "./types.js";
import { categoriesOf, errorLabel, summaryCategories } from "./view.js";

const TOP_FILES = 15;
const TOP_PROBLEMS = 20;

function paint(chalk: ChalkInstance, classification: Classification, text: string): string {
  if (classification === "special") return chalk.red.bold(text);
  if (classification === "generic") return chalk.yellow(text);
  return chalk.green(text);
}

export function renderText(report: ScanReport, ctx: RenderContext): string {
  const chalk = new Chalk({ level: ctx.color ? 1 : 0 });
  const t = TEXT[ctx.lang];
  const cls = CLASSIFICATION_LABEL[ctx.lang];
  const cat = CATEGORY_LABEL[ctx.lang];
  const s = report.summary;
  const lines: string[] = [];

  lines.push(chalk.bold(t.title(report.roots.join(", "))));
  lines.push(t.files(s.filesScanned, s.filesFailed, s.filesSkipped, formatBytes(s.bytesScanned, ctx.lang)));
  lines.push(chalk.dim(t.minConfidence(report.options.minConfidence)));
  lines.push("");

  lines.push(chalk.bold(t.byClassification));
  for (const c of ["special", "generic", "none"] as Classification[]) {
    lines.push(`  ${paint(chalk, c, cls[c].padEnd(12))}${String(s.byClassification[c]).padStart(7)}`);
  }
  lines.push("");

  const categories = summaryCategories(report);
  if (categories.length === 0) {
    lines.push(t.nothing);
  } else {
    lines.push(chalk.bold(t.byCategory));
    const width = Math.max(...categories.map((c) => cat[c].length)) + 2;
    for (const c of categories) {
      const label = `${cat[c]}`.padEnd(width);
      lines.push(`  ${paint(chalk, CATEGORY_CLASSIFICATION[c], label)}${String(s.byCategory[c]).padStart(7)}`);
    }
  }

  const special = report.files
    .filter((f) => f.classification === "special")
    .map((f) => ({ f, n: f.findings.filter((x) => x.classification === "special").reduce((a, x) => a + x.count, 0) }))
    .sort((a, b) => b.n - a.n || (a.f.path < b.f.path ? -1 : 1));
  if (special.length) {
    lines.push("");
    lines.push(chalk.bold(t.topSpecial(special.length)));
    for (const { f } of special.slice(0, TOP_FILES)) {
      lines.push(`  ${chalk.red(f.path)}  ${chalk.dim(categoriesOf(f).map((c) => cat[c]).join(", "))}`);
    }
    if (special.length > TOP_FILES) lines.push(`  ${t.more(special.length - TOP_FILES)}`);
  }

  const problems = report.files.filter((f) => f.status !== "scanned");
  if (problems.length) {
    lines.push("");
    lines.push(chalk.bold(t.problems(problems.length)));
    for (const f of problems.slice(0, TOP_PROBLEMS)) {
      const code = f.error?.code ?? "";
      const label = errorLabel(code, ctx.lang);
      lines.push(`  ${chalk.magenta(f.path)}  ${label} (${code}): ${chalk.dim(f.error?.message ?? "")}`);
    }
    if (problems.length > TOP_PROBLEMS) lines.push(`  ${t.more(problems.length - TOP_PROBLEMS)}`);
  }
  return `${lines.join("\n")}\n`;
}


export const textReporter: Reporter = { id: "text", extension: ".txt", render: renderText };
