// Human-facing words in Dutch (default) and English. Machine formats (JSON) keep the
// contract's identifiers; only text meant for people is translated.
import type { Category, Classification, ErrorCode } from "../model/types.js";

export type Lang = "nl" | "en";
export const LANGS: Lang[] = ["nl", "en"];

export const CLASSIFICATION_LABEL: Record<Lang, Record<Classification, string>> = {
  nl: { none: "geen", generic: "generiek", special: "bijzonder" },
  en: { none: "none", generic: "generic", special: "special" },
};

export const CATEGORY_LABEL: Record<Lang, Record<Category, string>> = {
  nl: {
    name: "naam", email: "e-mailadres", phone: "telefoonnummer", postcode: "postcode", address: "adres",
    "date-of-birth": "geboortedatum", iban: "IBAN", "credit-card": "creditcardnummer", "ip-address": "IP-adres",
    "license-plate": "kenteken", bsn: "BSN", "be-national-number": "rijksregisternummer",
    "id-document-number": "identiteitsdocument", health: "gezondheid", religion: "religie", ethnicity: "etniciteit",
    political: "politieke opvatting", "sexual-orientation": "seksuele geaardheid", "trade-union": "vakbondslidmaatschap",
    genetic: "genetische gegevens", biometric: "biometrische gegevens", criminal: "strafrechtelijke gegevens",
  },
  en: {
    name: "name", email: "e-mail address", phone: "phone number", postcode: "postcode", address: "address",
    "date-of-birth": "date of birth", iban: "IBAN", "credit-card": "credit card number", "ip-address": "IP address",
    "license-plate": "license plate", bsn: "BSN", "be-national-number": "Belgian national number",
    "id-document-number": "identity document", health: "health", religion: "religion", ethnicity: "ethnicity",
    political: "political opinion", "sexual-orientation": "sexual orientation", "trade-union": "trade-union membership",
    genetic: "genetic data", biometric: "biometric data", criminal: "criminal records",
  },
};

export const ERROR_LABEL: Record<Lang, Partial<Record<ErrorCode, string>>> = {
  nl: {
    ENCRYPTED: "versleuteld", CORRUPT: "beschadigd", TOO_LARGE: "te groot", UNSUPPORTED: "niet ondersteund",
    BINARY: "geen tekst", EACCES: "geen toegang", SYMLINK: "symbolische link", TIMEOUT: "duurde te lang",
    OUT_OF_MEMORY: "te weinig geheugen", ZIP_BOMB: "zipbom", ARCHIVE_LIMIT: "archieflimiet", INTERNAL: "interne fout",
  },
  en: {
    ENCRYPTED: "encrypted", CORRUPT: "corrupt", TOO_LARGE: "too large", UNSUPPORTED: "unsupported",
    BINARY: "no text", EACCES: "access denied", SYMLINK: "symbolic link", TIMEOUT: "timed out",
    OUT_OF_MEMORY: "out of memory", ZIP_BOMB: "zip bomb", ARCHIVE_LIMIT: "archive limit", INTERNAL: "internal error",
  },
};

export const TEXT = {
  nl: {
    title: (roots: string) => `avg-scan — scan van ${roots}`,
    files: (scanned: number, failed: number, skipped: number, size: string) =>
      `Bestanden: ${scanned} gescand, ${failed} mislukt, ${skipped} overgeslagen (${size} gelezen)`,
    byClassification: "Bestanden per classificatie",
    byCategory: "Vondsten per categorie",
    topSpecial: (n: number) => `Bestanden met bijzondere persoonsgegevens (${n})`,
    more: (n: number) => `… en nog ${n}`,
    problems: (n: number) => `Mislukt of overgeslagen (${n})`,
    nothing: "Geen persoonsgegevens gevonden.",
    minConfidence: (c: string) => `Minimale zekerheid: ${c}`,
    progress: (done: number, total: number, current: string) => `Scannen ${done}/${total} ${current}`,
    walking: "Bestanden zoeken…",
    duration: (s: string) => `Klaar in ${s} s`,
    written: (file: string) => `Rapport geschreven naar ${file}`,
  },
  en: {
    title: (roots: string) => `avg-scan — scan of ${roots}`,
    files: (scanned: number, failed: number, skipped: number, size: string) =>
      `Files: ${scanned} scanned, ${failed} failed, ${skipped} skipped (${size} read)`,
    byClassification: "Files per classification",
    byCategory: "Findings per category",
    topSpecial: (n: number) => `Files with special categories of personal data (${n})`,
    more: (n: number) => `… and ${n} more`,
    problems: (n: number) => `Failed or skipped (${n})`,
    nothing: "No personal data found.",
    minConfidence: (c: string) => `Minimum confidence: ${c}`,
    progress: (done: number, total: number, current: string) => `Scanning ${done}/${total} ${current}`,
    walking: "Listing files…",
    duration: (s: string) => `Done in ${s} s`,
    written: (file: string) => `Report written to ${file}`,
  },
} satisfies Record<Lang, Record<string, unknown>>;

export function formatBytes(bytes: number, lang: Lang): string {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const text = unit === 0 ? String(value) : value.toFixed(1);
  return `${lang === "nl" ? text.replace(".", ",") : text} ${units[unit]}`;
}

/** Words of the document formats (md, html, csv). */
export const DOC_TEXT = {
  nl: {
    reportTitle: "Scanrapport persoonsgegevens",
    generated: (date: string, version: string) => `Gemaakt met avg-scan ${version} op ${date}`,
    roots: "Gescande locaties",
    scannedAt: "Datum scan",
    totals: "Totalen",
    filesScanned: "Gescand",
    filesFailed: "Mislukt",
    filesSkipped: "Overgeslagen",
    bytes: "Gelezen",
    classification: "Classificatie",
    category: "Categorie",
    files: "Bestanden",
    values: "Vondsten",
    specialByFolder: "Bijzondere persoonsgegevens per map",
    specialByFolderNone: "Geen bijzondere persoonsgegevens gevonden.",
    specialFiles: "bestanden met bijzondere gegevens",
    fileTable: "Bestanden met persoonsgegevens",
    fileTableHint: "Klik op een kolomkop om te sorteren.",
    path: "Pad",
    format: "Formaat",
    status: "Status",
    categories: "Categorieën",
    samples: "Voorbeelden (gemaskeerd)",
    problems: "Mislukte en overgeslagen bestanden",
    noProblems: "Alle bestanden zijn gelezen.",
    code: "Code",
    message: "Melding",
    masked: "Alle waarden in dit rapport zijn gemaskeerd; het rapport bevat geen gevonden waarden.",
    noFindings: "Geen persoonsgegevens gevonden.",
    minConfidence: "Minimale zekerheid",
    status_scanned: "gescand",
    status_failed: "mislukt",
    status_skipped: "overgeslagen",
    rule: "Regel",
    confidence: "Zekerheid",
    count: "Aantal",
    locations: "Locaties",
    notes: "Opmerkingen",
    fileClassification: "Classificatie bestand",
    error: "Fout",
    confidence_low: "laag",
    confidence_medium: "middel",
    confidence_high: "hoog",
  },
  en: {
    reportTitle: "Personal data scan report",
    generated: (date: string, version: string) => `Made with avg-scan ${version} on ${date}`,
    roots: "Scanned locations",
    scannedAt: "Scan date",
    totals: "Totals",
    filesScanned: "Scanned",
    filesFailed: "Failed",
    filesSkipped: "Skipped",
    bytes: "Read",
    classification: "Classification",
    category: "Category",
    files: "Files",
    values: "Findings",
    specialByFolder: "Special categories of personal data by folder",
    specialByFolderNone: "No special categories of personal data found.",
    specialFiles: "files with special data",
    fileTable: "Files with personal data",
    fileTableHint: "Click a column header to sort.",
    path: "Path",
    format: "Format",
    status: "Status",
    categories: "Categories",
    samples: "Samples (masked)",
    problems: "Failed and skipped files",
    noProblems: "Every file was read.",
    code: "Code",
    message: "Message",
    masked: "Every value in this report is masked; the report holds none of the values found.",
    noFindings: "No personal data found.",
    minConfidence: "Minimum confidence",
    status_scanned: "scanned",
    status_failed: "failed",
    status_skipped: "skipped",
    rule: "Rule",
    confidence: "Confidence",
    count: "Count",
    locations: "Locations",
    notes: "Notes",
    fileClassification: "File classification",
    error: "Error",
    confidence_low: "low",
    confidence_medium: "medium",
    confidence_high: "high",
  },
} satisfies Record<Lang, Record<string, unknown>>;
