// ScanReport → RegisterDraft: one entry per data store. A store is a dataset file (a CSV,
// workbook, JSON or NDJSON export: one CRM export or list is one processing's data) or,
// for documents (letters, PDFs, scans), the folder they are in. Only files where the scan
// found personal data make an entry; files that could not be read are listed apart.
import type { AvgScanConfig } from "../config/config.js";
import type { Category, FileReport, ScanReport } from "../model/types.js";
import { CATEGORIES, CATEGORY_CLASSIFICATION } from "../model/types.js";
import { CATEGORY_LABEL, type Lang } from "../report/i18n.js";
import { folderOf } from "../report/view.js";
import { LEGAL_BASES, MARKERS, type RegisterEntry } from "./fields.js";
import { processingName, recordKinds, subjectLabel, suggestRetention, suggestSubjects } from "./suggest.js";

export const DATASET_FORMATS = new Set(["csv", "xlsx", "json", "ndjson"]);

/** Special data "at scale" for the DPIA hint: this many special values in one store… */
export const SCALE_VALUES = 50;
/** …or this many files with special data, or special data in a column of a dataset. */
export const SCALE_FILES = 10;

export interface Unreadable {
  path: string;
  status: string;
  code: string;
  message: string;
}

export interface RegisterDraft {
  lang: Lang;
  scanDate: string;
  roots: string[];
  tool: string;
  entries: RegisterEntry[];
  unreadable: Unreadable[];
}

interface Store {
  id: string;
  kind: "file" | "folder";
  path: string;
  files: FileReport[];
}

/** The store a file belongs to: its own for a dataset, its folder for a document. */
export function storeOf(file: FileReport): { id: string; kind: "file" | "folder"; path: string } {
  if (DATASET_FORMATS.has(file.format) || (file.columns?.length ?? 0) > 0) return { id: `file:${file.path}`, kind: "file", path: file.path };
  const folder = folderOf(file.path);
  return { id: `folder:${folder}`, kind: "folder", path: folder };
}

/** The articles that allow processing of a special or sensitive category, for the placeholder. */
const SPECIAL_BASIS: Record<Lang, Partial<Record<Category, string>>> = {
  nl: {
    bsn: "BSN: alleen met een wettelijke grondslag (art. 46 UAVG)",
    "be-national-number": "rijksregisternummer: alleen met machtiging of wettelijke grondslag (Wet van 8 augustus 1983)",
    "id-document-number": "kopie/nummer identiteitsbewijs: alleen met wettelijke grondslag (bijv. loonheffing, Wid)",
    criminal: "strafrechtelijke gegevens: art. 10 AVG en art. 31-33 UAVG",
  },
  en: {
    bsn: "BSN: only with a statutory basis (art. 46 Dutch GDPR Implementation Act)",
    "be-national-number": "Belgian national number: only with authorisation or a statutory basis",
    "id-document-number": "ID copy/number: only with a statutory basis (e.g. payroll tax)",
    criminal: "criminal data: Art. 10 GDPR",
  },
};

const ART9: Record<Lang, string> = {
  nl: "uitzondering van art. 9 lid 2 AVG (en art. 22-30 UAVG) voor",
  en: "exception of Art. 9(2) GDPR for",
};

const TEXT = {
  nl: {
    stores: (kind: "file" | "folder", path: string) => (kind === "file" ? path : `map ${path}`),
    unnamed: "Verwerking in",
    files: (n: number) => (n === 1 ? "1 bestand" : `${n} bestanden`),
    columns: (n: number) => (n === 1 ? "kolom" : "kolommen"),
    purposes: "welke doelen dient deze verwerking?",
    subjects: "van wie zijn deze gegevens?",
    retention: "hoe lang worden deze gegevens bewaard?",
    recipients: "aan wie worden de gegevens verstrekt (ook verwerkers)?",
    transfers: "ja/nee; zo ja: welke landen en welke waarborgen?",
    measures: "bijv. toegangsbeheer, versleuteling, logging, bewaarbeleid",
    controller: "naam verwerkingsverantwoordelijke (of in avg-scan.config.yaml)",
    contact: "contactgegevens en FG (of in avg-scan.config.yaml)",
    noSpecial: "geen bijzondere gegevens gevonden",
    dpo: "FG",
    dpiaYes: "ja",
    dpiaMaybe: "mogelijk, beoordelen",
    dpiaNo: "geen aanwijzing uit de scan",
    dpiaReasons: {
      national: "nationaal identificatienummer",
      scale: "bijzondere gegevens op schaal",
      column: "bijzondere gegevens in een kolom van een bestand",
      children: "gegevens van kinderen (art. 8)",
      special: "bijzondere gegevens gevonden",
    },
  },
  en: {
    stores: (kind: "file" | "folder", path: string) => (kind === "file" ? path : `folder ${path}`),
    unnamed: "Processing in",
    files: (n: number) => (n === 1 ? "1 file" : `${n} files`),
    columns: (n: number) => (n === 1 ? "column" : "columns"),
    purposes: "what purposes does this processing serve?",
    subjects: "whose data is this?",
    retention: "how long is this data kept?",
    recipients: "who receives the data (processors included)?",
    transfers: "yes/no; if yes: which countries and which safeguards?",
    measures: "e.g. access control, encryption, logging, retention policy",
    controller: "name of the controller (or in avg-scan.config.yaml)",
    contact: "contact details and DPO (or in avg-scan.config.yaml)",
    noSpecial: "no special data found",
    dpo: "DPO",
    dpiaYes: "yes",
    dpiaMaybe: "possibly, assess",
    dpiaNo: "no sign from the scan",
    dpiaReasons: {
      national: "national identification number",
      scale: "special data at scale",
      column: "special data in a column of a dataset",
      children: "children's data (Art. 8)",
      special: "special data found",
    },
  },
};

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function buildEntry(store: Store, report: ScanReport, config: AvgScanConfig, lang: Lang): RegisterEntry {
  const t = TEXT[lang];
  const m = MARKERS[lang];
  const cat = CATEGORY_LABEL[lang];
  const files = [...store.files].sort((a, b) => compare(a.path, b.path));

  // Categories with the files and (for datasets) the columns they are in.
  const filesPer = new Map<Category, Set<string>>();
  const valuesPer = new Map<Category, number>();
  const columnsPer = new Map<Category, Set<string>>();
  let childValues = 0;
  let specialInColumn = false;
  for (const f of files) {
    for (const x of f.findings) {
      if (!filesPer.has(x.category)) filesPer.set(x.category, new Set());
      filesPer.get(x.category)!.add(f.path);
      valuesPer.set(x.category, (valuesPer.get(x.category) ?? 0) + x.count);
      for (const [note, n] of Object.entries(x.noteCounts ?? {})) if (/art\. 8/i.test(note)) childValues += n;
    }
    for (const c of f.columns ?? []) {
      for (const k of c.categories) {
        if (!columnsPer.has(k)) columnsPer.set(k, new Set());
        columnsPer.get(k)!.add(c.sheet ? `${c.sheet}!${c.name}` : c.name);
        if (CATEGORY_CLASSIFICATION[k] === "special") specialInColumn = true;
      }
    }
  }
  const present = CATEGORIES.filter((c) => filesPer.has(c));
  const describe = (c: Category) => {
    const cols = [...(columnsPer.get(c) ?? [])];
    const where = store.kind === "folder" || files.length > 1 ? t.files(filesPer.get(c)!.size) : "";
    const colText = cols.length ? `${t.columns(cols.length)} ${cols.slice(0, 6).join(", ")}${cols.length > 6 ? ", …" : ""}` : "";
    const extra = [where, colText].filter(Boolean).join("; ");
    return extra ? `${cat[c]} (${extra})` : cat[c];
  };
  const generic = present.filter((c) => CATEGORY_CLASSIFICATION[c] === "generic");
  const special = present.filter((c) => CATEGORY_CLASSIFICATION[c] === "special");

  // Names that say whose data it is: the store's path, the files' names, the column names.
  const names = [store.path, ...files.map((f) => f.path), ...files.flatMap((f) => (f.columns ?? []).map((c) => c.name))];
  const subjects = suggestSubjects(names, new Set(present));
  const kinds = recordKinds(names, new Set(present));
  const retention = suggestRetention(subjects, kinds, lang, config.retention);
  const processing = processingName(subjects, lang);

  // Exception placeholder: Art. 9(2) for the Art. 9 categories, the specific basis for the others.
  const art9 = special.filter((c) => !SPECIAL_BASIS[lang][c]);
  const exceptionParts = [
    ...(art9.length ? [`${ART9[lang]} ${art9.map((c) => cat[c]).join(", ")}`] : []),
    ...special.filter((c) => SPECIAL_BASIS[lang][c]).map((c) => SPECIAL_BASIS[lang][c]!),
  ];

  // DPIA hints.
  const specialValues = special.reduce((n, c) => n + (valuesPer.get(c) ?? 0), 0);
  const specialFiles = new Set(special.flatMap((c) => [...filesPer.get(c)!])).size;
  const reasons: string[] = [];
  if (special.includes("bsn") || special.includes("be-national-number")) reasons.push(t.dpiaReasons.national);
  if (specialValues >= SCALE_VALUES || specialFiles >= SCALE_FILES) reasons.push(t.dpiaReasons.scale);
  else if (specialInColumn) reasons.push(t.dpiaReasons.column);
  if (childValues > 0) reasons.push(t.dpiaReasons.children);
  const dpia = reasons.length ? `${t.dpiaYes}: ${reasons.join("; ")}` : special.length ? `${t.dpiaMaybe}: ${t.dpiaReasons.special}` : t.dpiaNo;

  const controller = config.controller?.name;
  const contact = [config.controller?.contact, config.controller?.dpo ? `${t.dpo}: ${config.controller.dpo}` : undefined].filter(Boolean).join("; ");

  return {
    id: store.id,
    status: "",
    name: `${m.suggested} ${processing ?? `${t.unnamed} ${store.path}`} — ${t.stores(store.kind, store.path)}`,
    controller: controller ?? `${m.complete} ${t.controller}`,
    contact: contact || `${m.complete} ${t.contact}`,
    purposes: `${m.complete} ${t.purposes}`,
    legalBasis: `${m.choose} ${LEGAL_BASES[lang].join(" / ")}`,
    dataSubjects: subjects.length ? subjects.map((s) => `${m.suggested} ${subjectLabel(s, lang)}`) : [`${m.complete} ${t.subjects}`],
    dataCategories: generic.map(describe),
    specialCategories: special.map(describe),
    specialException: exceptionParts.length ? `${m.complete} ${exceptionParts.join("; ")}` : `${m.na} ${t.noSpecial}`,
    recipients: `${m.complete} ${t.recipients}`,
    transfers: `${m.complete} ${t.transfers}`,
    retention: retention.length ? `${m.suggested} ${retention.join("; ")}` : `${m.complete} ${t.retention}`,
    measures: `${m.complete} ${t.measures}`,
    locations: files.map((f) => f.path),
    fileCount: String(files.length),
    dpia,
    scanDate: report.startedAt.slice(0, 10),
    remarks: "",
  };
}

export function buildRegister(report: ScanReport, config: AvgScanConfig, lang: Lang): RegisterDraft {
  const stores = new Map<string, Store>();
  for (const file of report.files) {
    if (file.findings.length === 0) continue;
    const s = storeOf(file);
    if (!stores.has(s.id)) stores.set(s.id, { ...s, files: [] });
    stores.get(s.id)!.files.push(file);
  }
  const entries = [...stores.values()].sort((a, b) => compare(a.id, b.id)).map((s) => buildEntry(s, report, config, lang));
  const unreadable = report.files
    .filter((f) => f.status !== "scanned" && f.findings.length === 0)
    .map((f) => ({ path: f.path, status: f.status, code: f.error?.code ?? "", message: f.error?.message ?? "" }))
    .sort((a, b) => compare(a.path, b.path));
  return { lang, scanDate: report.startedAt.slice(0, 10), roots: report.roots, tool: `avg-scan ${report.tool.version}`, entries, unreadable };
}
