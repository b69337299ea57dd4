// SARIF 2.1.0 for code-scanning dashboards (GitHub, GitLab): one rule per avg-scan rule with
// its category and classification, one result per file, rule and region (a column or the
// text of a file) with masked samples only, and a fingerprint of file, rule and region that
// stays the same when rows move, so a dashboard can track a result across runs. With a
// baseline, each result says whether it is new, and accepted ones carry a suppression.
import { createHash } from "node:crypto";
import { regionsOf } from "../aggregate/baseline.js";
import type { FileReport, Finding, FindingLocation, ScanReport } from "../model/types.js";
import { CATEGORY_CLASSIFICATION, CONFIDENCE_RANK } from "../model/types.js";
import { CATEGORY_LABEL, CLASSIFICATION_LABEL, DOC_TEXT, type Lang } from "./i18n.js";
import type { Reporter, RenderContext, RuleMeta } from "./types.js";
import { formatLocation } from "./view.js";

const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
const LEVEL = { special: "error", generic: "warning" } as const;
// GitHub orders security alerts by this (0-10): special data is high, generic medium.
const SEVERITY = { special: "8.0", generic: "5.0" } as const;

const WORDS = {
  nl: {
    values: (n: number) => (n === 1 ? "1 waarde" : `${n} waarden`),
    newOf: (n: number) => `${n} nieuw`,
    in: "in",
    region: (r: string) => (r === "text" ? "de tekst" : r === "name" ? "de bestandsnaam" : r.replace(/^column /, "kolom ")),
    e_g: "bijv.",
    baseline: "in de baseline van avg-scan",
  },
  en: {
    values: (n: number) => (n === 1 ? "1 value" : `${n} values`),
    newOf: (n: number) => `${n} new`,
    in: "in",
    region: (r: string) => (r === "text" ? "the text" : r === "name" ? "the file name" : r),
    e_g: "e.g.",
    baseline: "in the avg-scan baseline",
  },
};

export function fingerprint(file: string, ruleId: string, region: string): string {
  return createHash("sha256").update(`${file}\u0000${ruleId}\u0000${region}`).digest("hex").slice(0, 32);
}

/** The artifact's path as the repository knows it: the report path under the scanned root. */
export function artifactUri(report: ScanReport, filePath: string): string {
  const outer = filePath.split("!/")[0];
  const roots = report.roots.map((r) => r.replace(/\/+$/, ""));
  let full = outer;
  if (roots.length === 1) {
    const root = roots[0];
    // A file given as root: its report path is its name; a folder: paths are under it.
    if (root.endsWith(`/${outer}`) || root === outer) full = root;
    else if (root !== "." && root !== "") full = `${root}/${outer}`;
  } else {
    const slash = outer.indexOf("/");
    const label = slash > 0 ? outer.slice(0, slash) : outer;
    const root = roots.find((r) => r.split("/").pop() === label);
    if (root) full = `${root}${outer.slice(label.length)}`;
  }
  return full
    .replace(/^\.\//, "")
    .split("/")
    .map((seg) => encodeURIComponent(seg))
    .join("/");
}

interface Merged {
  file: FileReport;
  ruleId: string;
  finding: Finding;
  region: string;
  count: number;
  newCount?: number;
  location?: FindingLocation;
  samples: string[];
  confidence: Finding["confidence"];
}

/** One entry per file, rule and region; the confidences of a rule merged (highest wins). */
function mergedResults(report: ScanReport): Merged[] {
  const out = new Map<string, Merged>();
  for (const file of report.files) {
    for (const finding of file.findings) {
      for (const r of regionsOf(finding)) {
        const key = `${file.path}\u0000${finding.ruleId}\u0000${r.region}`;
        const m = out.get(key);
        if (!m) {
          out.set(key, {
            file, ruleId: finding.ruleId, finding, region: r.region, count: r.count, newCount: r.newCount, location: r.location ?? finding.locations[0],
            samples: [...finding.samples], confidence: finding.confidence,
          });
          continue;
        }
        m.count += r.count;
        if (r.newCount !== undefined) m.newCount = (m.newCount ?? 0) + r.newCount;
        for (const s of finding.samples) if (m.samples.length < 5 && !m.samples.includes(s)) m.samples.push(s);
        if (CONFIDENCE_RANK[finding.confidence] > CONFIDENCE_RANK[m.confidence]) {
          m.confidence = finding.confidence;
          m.finding = finding;
          m.location = r.location ?? m.location;
        }
      }
    }
  }
  return [...out.values()];
}

function ruleMetas(report: ScanReport, given: RuleMeta[] | undefined): RuleMeta[] {
  const map = new Map<string, RuleMeta>();
  for (const r of given ?? []) map.set(r.id, r);
  for (const f of report.files) {
    for (const x of f.findings) if (!map.has(x.ruleId)) map.set(x.ruleId, { id: x.ruleId, category: x.category, classification: x.classification, description: "" });
  }
  return [...map.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function firstSentence(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  const m = /^(.{10,}?[.:])(\s|$)/.exec(t);
  return (m ? m[1] : t).slice(0, 300);
}

function location(report: ScanReport, file: FileReport, loc: FindingLocation | undefined, region: string, lang: Lang) {
  const physical: Record<string, unknown> = { artifactLocation: { uri: artifactUri(report, file.path) } };
  if (loc?.line !== undefined && !file.path.includes("!/")) {
    physical.region = { startLine: Math.max(1, loc.line), ...(loc.column !== undefined ? { startColumn: Math.max(1, loc.column) } : {}) };
  }
  const logical: Record<string, unknown>[] = [];
  const member = file.path.includes("!/") ? file.path.slice(file.path.indexOf("!/") + 2) : undefined;
  const where = loc ? formatLocation(loc, lang) : "";
  const name = [member, region.startsWith("column ") ? region.slice(7) : undefined, where].filter(Boolean).join(" · ");
  if (name) logical.push({ name, fullyQualifiedName: `${file.path}#${region}${where ? ` @ ${where}` : ""}`, kind: "element" });
  return { physicalLocation: physical, ...(logical.length ? { logicalLocations: logical } : {}) };
}

export function renderSarif(report: ScanReport, ctx: RenderContext): string {
  const lang = ctx.lang;
  const w = WORDS[lang];
  const cat = CATEGORY_LABEL[lang];
  const cls = CLASSIFICATION_LABEL[lang];
  const t = DOC_TEXT[lang];
  const rules = ruleMetas(report, ctx.rules);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = mergedResults(report)
    .sort((a, b) => (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : a.region < b.region ? -1 : a.region > b.region ? 1 : 0))
    .map((m) => {
      const k = CATEGORY_CLASSIFICATION[m.finding.category];
      const parts = [`${cat[m.finding.category]} (${cls[k]}): ${w.values(m.count)}`];
      if (m.newCount !== undefined && m.newCount !== m.count) parts[0] += `, ${w.newOf(m.newCount)}`;
      parts.push(`${w.in} ${w.region(m.region)}`);
      const text = `${parts.join(" ")}; ${t.confidence.toLowerCase()} ${t[`confidence_${m.confidence}`]}; ${w.e_g} ${m.samples.slice(0, 3).join(", ")}`;
      const result: Record<string, unknown> = {
        ruleId: m.ruleId,
        ruleIndex: index.get(m.ruleId),
        level: LEVEL[k === "special" ? "special" : "generic"],
        message: { text },
        locations: [location(report, m.file, m.location, m.region, lang)],
        partialFingerprints: { "avgScanRegion/v1": fingerprint(m.file.path, m.ruleId, m.region) },
        properties: { category: m.finding.category, classification: k, confidence: m.confidence, count: m.count, region: m.region, samples: m.samples },
      };
      if (m.newCount !== undefined) {
        result.baselineState = m.newCount === 0 ? "unchanged" : m.newCount === m.count ? "new" : "updated";
        (result.properties as Record<string, unknown>).newCount = m.newCount;
        if (m.newCount === 0) result.suppressions = [{ kind: "external", status: "accepted", justification: w.baseline }];
      }
      return result;
    });

  const notifications = report.files
    .filter((f) => f.status !== "scanned")
    .map((f) => ({
      level: f.status === "failed" ? "warning" : "note",
      message: { text: `${f.error?.code ?? f.status}: ${f.error?.message ?? ""}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(report, f.path) } } }],
      descriptor: { id: f.error?.code ?? f.status },
    }));

  const sarif = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "avg-scan",
            semanticVersion: report.tool.version,
            version: report.tool.version,
            rules: rules.map((r) => ({
              id: r.id,
              name: r.id.replace(/[^A-Za-z0-9]+(.)/g, (_, c: string) => c.toUpperCase()).replace(/^./, (c) => c.toUpperCase()),
              shortDescription: { text: `${cat[r.category]} (${cls[r.classification]})` },
              ...(r.description ? { fullDescription: { text: firstSentence(r.description) } } : {}),
              defaultConfiguration: { level: LEVEL[r.classification] },
              properties: { category: r.category, classification: r.classification, tags: ["privacy", "avg", "gdpr", r.category, r.classification], "security-severity": SEVERITY[r.classification] },
            })),
          },
        },
        invocations: [{ executionSuccessful: true, startTimeUtc: report.startedAt, endTimeUtc: report.finishedAt, toolExecutionNotifications: notifications }],
        columnKind: "unicodeCodePoints",
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

export const sarifReporter: Reporter = { id: "sarif", extension: ".sarif", render: renderSarif };
