// One self-contained HTML file: inline style and script, no external asset, and a Content
// Security Policy that forbids loading anything, so it opens offline and cannot call home.
// Totals per classification and category, a bar chart (inline SVG) of where special data is
// by folder, a sortable table of the files with their masked samples, and the files that
// could not be read. Every text from the report is escaped; values are masked upstream.
import type { Classification, FileReport, ScanReport } from "../model/types.js";
import { CATEGORY_CLASSIFICATION, CLASSIFICATION_RANK } from "../model/types.js";
import { CATEGORY_LABEL, CLASSIFICATION_LABEL, DOC_TEXT, formatBytes, type Lang } from "./i18n.js";
import type { Reporter, RenderContext } from "./types.js";
import { categoriesOf, errorLabel, filesWithCategory, filesWithFindings, folderOf, samplesOf, summaryCategories, valueCount } from "./view.js";

const MAX_FOLDERS = 25;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
main{max-width:1200px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 10px}
.meta{color:#566;margin:0 0 12px}.note{background:#eef4ff;border-left:4px solid #4a7bd1;padding:8px 12px}
.cards{display:flex;gap:12px;flex-wrap:wrap}
.card{background:#fff;border-radius:8px;padding:12px 16px;min-width:150px;box-shadow:0 1px 2px #0002}
.card .n{font-size:28px;font-weight:700}.card.special .n{color:#b3261e}.card.generic .n{color:#9a6700}.card.none .n{color:#1a7f37}
table{border-collapse:collapse;background:#fff;width:100%;box-shadow:0 1px 2px #0002}
th,td{padding:6px 10px;border-bottom:1px solid #e3e6ea;text-align:left;vertical-align:top}
th{background:#eceff3;white-space:nowrap}th.sortable{cursor:pointer;user-select:none}
th.sortable::after{content:" \\2195";color:#99a}th[aria-sort=ascending]::after{content:" \\2191"}th[aria-sort=descending]::after{content:" \\2193"}
td.num,th.num{text-align:right}td.path{word-break:break-all;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600}
.badge.special{background:#fde7e6;color:#b3261e}.badge.generic{background:#fff4d6;color:#7a5200}.badge.none{background:#e6f4ea;color:#1a7f37}
.samples{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;color:#445}
svg text{font:12px system-ui,sans-serif;fill:#1d2330}
`;

// Sorts a table by the clicked column: numbers by data-sort, text by its content, stable.
const SCRIPT = `
document.querySelectorAll("table.sortable").forEach(function (table) {
  var heads = table.querySelectorAll("th.sortable");
  heads.forEach(function (th, index) {
    th.tabIndex = 0;
    var sort = function () {
      var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
      heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", dir);
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var key = function (row) {
        var cell = row.cells[index];
        var v = cell.getAttribute("data-sort");
        return v !== null && v !== "" && !isNaN(Number(v)) ? Number(v) : (v || cell.textContent).toLowerCase();
      };
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        var c = x < y ? -1 : x > y ? 1 : 0;
        return dir === "ascending" ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    };
    th.addEventListener("click", sort);
    th.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sort(); } });
  });
});
`;

function badge(c: Classification, lang: Lang): string {
  return `<span class="badge ${c}">${escapeHtml(CLASSIFICATION_LABEL[lang][c])}</span>`;
}

/** Special files per folder, most first; ties by folder name. */
export function specialByFolder(files: FileReport[]): { folder: string; files: number }[] {
  const counts = new Map<string, number>();
  for (const f of files) if (f.classification === "special") counts.set(folderOf(f.path), (counts.get(folderOf(f.path)) ?? 0) + 1);
  return [...counts].map(([folder, n]) => ({ folder, files: n })).sort((a, b) => b.files - a.files || (a.folder < b.folder ? -1 : 1));
}

function chart(rows: { folder: string; files: number }[], label: string): string {
  const shown = rows.slice(0, MAX_FOLDERS);
  const max = Math.max(...shown.map((r) => r.files));
  const labelWidth = 330;
  const barWidth = 520;
  const rowHeight = 24;
  const height = shown.length * rowHeight + 8;
  const bars = shown.map((r, i) => {
    const y = 4 + i * rowHeight;
    const w = Math.max(2, Math.round((r.files / max) * barWidth));
    const name = r.folder.length > 48 ? `…${r.folder.slice(-47)}` : r.folder;
    return (
      `<g data-folder="${escapeHtml(r.folder)}" data-files="${r.files}"><title>${escapeHtml(r.folder)}: ${r.files} ${escapeHtml(label)}</title>` +
      `<text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end">${escapeHtml(name)}</text>` +
      `<rect x="${labelWidth}" y="${y + 3}" width="${w}" height="${rowHeight - 8}" rx="3" fill="#c0392b"></rect>` +
      `<text x="${labelWidth + w + 6}" y="${y + 16}">${r.files}</text></g>`
    );
  });
  return `<svg id="chart-special" role="img" aria-label="${escapeHtml(label)}" width="${labelWidth + barWidth + 60}" height="${height}" viewBox="0 0 ${labelWidth + barWidth + 60} ${height}">${bars.join("")}</svg>`;
}

export function renderHtml(report: ScanReport, ctx: RenderContext): string {
  const lang = ctx.lang;
  const t = DOC_TEXT[lang];
  const cls = CLASSIFICATION_LABEL[lang];
  const cat = CATEGORY_LABEL[lang];
  const s = report.summary;
  const h: string[] = [];
  h.push("<!DOCTYPE html>", `<html lang="${lang}">`, "<head>", '<meta charset="utf-8">');
  h.push(`<meta http-equiv="Content-Security-Policy" content="${CSP}">`);
  h.push('<meta name="viewport" content="width=device-width, initial-scale=1">', '<meta name="referrer" content="no-referrer">');
  h.push(`<title>${escapeHtml(t.reportTitle)} — ${escapeHtml(report.roots.join(", "))}</title>`);
  h.push(`<style>${STYLE}</style>`, "</head>", "<body>", "<main>");
  h.push(`<h1>${escapeHtml(t.reportTitle)}</h1>`);
  h.push(
    `<p class="meta">${escapeHtml(t.roots)}: <span id="roots">${escapeHtml(report.roots.join(", "))}</span> · ${escapeHtml(t.scannedAt)}: <time id="scan-date">${escapeHtml(report.startedAt.slice(0, 10))}</time> · ${escapeHtml(t.minConfidence)}: ${escapeHtml(t[`confidence_${report.options.minConfidence}`])} · ${escapeHtml(t.generated(report.finishedAt.slice(0, 10), report.tool.version))}</p>`,
  );
  h.push(`<p class="note">${escapeHtml(t.masked)}</p>`);

  h.push(`<section id="totals"><h2>${escapeHtml(t.totals)}</h2><div class="cards">`);
  for (const c of ["special", "generic", "none"] as Classification[]) {
    h.push(`<div class="card ${c}" id="total-${c}"><div class="n" data-count="${s.byClassification[c]}">${s.byClassification[c]}</div><div>${escapeHtml(t.files)}: ${escapeHtml(cls[c])}</div></div>`);
  }
  h.push(`<div class="card" id="total-scanned"><div class="n" data-count="${s.filesScanned}">${s.filesScanned}</div><div>${escapeHtml(t.filesScanned)}</div></div>`);
  h.push(`<div class="card" id="total-failed"><div class="n" data-count="${s.filesFailed}">${s.filesFailed}</div><div>${escapeHtml(t.filesFailed)}</div></div>`);
  h.push(`<div class="card" id="total-skipped"><div class="n" data-count="${s.filesSkipped}">${s.filesSkipped}</div><div>${escapeHtml(t.filesSkipped)}</div></div>`);
  h.push(`<div class="card" id="total-bytes"><div class="n">${escapeHtml(formatBytes(s.bytesScanned, lang))}</div><div>${escapeHtml(t.bytes)}</div></div>`);
  h.push("</div>");

  const categories = summaryCategories(report);
  if (categories.length) {
    h.push(`<h2>${escapeHtml(t.categories)}</h2><table id="categories" class="sortable"><thead><tr>`);
    h.push(`<th class="sortable">${escapeHtml(t.category)}</th><th class="sortable">${escapeHtml(t.classification)}</th><th class="sortable num">${escapeHtml(t.files)}</th><th class="sortable num">${escapeHtml(t.values)}</th></tr></thead><tbody>`);
    for (const c of categories) {
      const files = filesWithCategory(report, c);
      const k = CATEGORY_CLASSIFICATION[c];
      h.push(`<tr data-category="${c}"><td>${escapeHtml(cat[c])}</td><td data-sort="${CLASSIFICATION_RANK[k]}">${badge(k, lang)}</td><td class="num" data-sort="${files}">${files}</td><td class="num" data-sort="${s.byCategory[c]}">${s.byCategory[c]}</td></tr>`);
    }
    h.push("</tbody></table>");
  } else {
    h.push(`<p id="no-findings">${escapeHtml(t.noFindings)}</p>`);
  }
  h.push("</section>");

  h.push(`<section id="special-by-folder"><h2>${escapeHtml(t.specialByFolder)}</h2>`);
  const folders = specialByFolder(report.files);
  h.push(folders.length ? chart(folders, t.specialFiles) : `<p>${escapeHtml(t.specialByFolderNone)}</p>`);
  h.push("</section>");

  const withData = filesWithFindings(report);
  h.push(`<section id="files"><h2>${escapeHtml(t.fileTable)}</h2>`);
  if (withData.length) {
    h.push(`<p class="meta">${escapeHtml(t.fileTableHint)}</p><table id="file-table" class="sortable"><thead><tr>`);
    h.push(
      [t.path, t.format, t.classification, t.categories].map((x) => `<th class="sortable">${escapeHtml(x)}</th>`).join("") +
        `<th class="sortable num">${escapeHtml(t.values)}</th><th>${escapeHtml(t.samples)}</th></tr></thead><tbody>`,
    );
    for (const f of withData) {
      h.push(
        `<tr data-classification="${f.classification}"><td class="path">${escapeHtml(f.path)}</td><td>${escapeHtml(f.format)}</td>` +
          `<td data-sort="${CLASSIFICATION_RANK[f.classification]}">${badge(f.classification, lang)}</td>` +
          `<td>${escapeHtml(categoriesOf(f).map((c) => cat[c]).join(", "))}</td><td class="num" data-sort="${valueCount(f)}">${valueCount(f)}</td>` +
          `<td class="samples">${escapeHtml(samplesOf(f, 3).join(", "))}</td></tr>`,
      );
    }
    h.push("</tbody></table>");
  } else {
    h.push(`<p>${escapeHtml(t.noFindings)}</p>`);
  }
  h.push("</section>");

  const problems = report.files.filter((f) => f.status !== "scanned");
  h.push(`<section id="problems"><h2>${escapeHtml(t.problems)}</h2>`);
  if (problems.length) {
    h.push(`<table id="problem-table" class="sortable"><thead><tr>${[t.path, t.status, t.code, t.message].map((x) => `<th class="sortable">${escapeHtml(x)}</th>`).join("")}</tr></thead><tbody>`);
    for (const f of problems) {
      const code = f.error?.code ?? "";
      const label = errorLabel(code, lang);
      h.push(
        `<tr data-status="${f.status}" data-code="${escapeHtml(code)}"><td class="path">${escapeHtml(f.path)}</td><td>${escapeHtml(t[`status_${f.status}`])}</td>` +
          `<td>${escapeHtml(label)} (${escapeHtml(code)})</td><td>${escapeHtml(f.error?.message ?? "")}</td></tr>`,
      );
    }
    h.push("</tbody></table>");
  } else {
    h.push(`<p>${escapeHtml(t.noProblems)}</p>`);
  }
  h.push("</section>", "</main>", `<script>${SCRIPT}</script>`, "</body>", "</html>");
  return `${h.join("\n")}\n`;
}

export const htmlReporter: Reporter = { id: "html", extension: ".html", render: renderHtml };
