// The fields of a register entry, after Art. 30(1) AVG and the Dutch supervisory authority's
// model register (Autoriteit Persoonsgegevens), in the order a consultant reads them.
// kind:
//   key     the entry id, stable across runs (merge key)
//   found   what the scan knows; rewritten on every run
//   person  what a person decides; pre-filled with a suggestion or a placeholder that starts
//           with a marker ([voorstel], [in te vullen], ...). A re-run replaces a value that
//           still starts with a marker and keeps every other value: that is a person's.
import type { Lang } from "../report/i18n.js";

export type FieldId =
  | "id"
  | "status"
  | "name"
  | "controller"
  | "contact"
  | "purposes"
  | "legalBasis"
  | "dataSubjects"
  | "dataCategories"
  | "specialCategories"
  | "specialException"
  | "recipients"
  | "transfers"
  | "retention"
  | "measures"
  | "locations"
  | "fileCount"
  | "dpia"
  | "scanDate"
  | "remarks";

export interface FieldDef {
  id: FieldId;
  kind: "key" | "found" | "person";
  /** Lists are arrays in YAML and lines in a cell. */
  list?: boolean;
  /** Key in the YAML file. */
  key: Record<Lang, string>;
  /** Column header (xlsx) and row label (md). */
  label: Record<Lang, string>;
  /** What the field asks for (legend sheet). */
  help: Record<Lang, string>;
  /** Column width in the workbook (characters). */
  width: number;
}

export const FIELDS: FieldDef[] = [
  { id: "id", kind: "key", key: { nl: "id", en: "id" }, label: { nl: "ID", en: "ID" }, width: 34,
    help: { nl: "Vaste sleutel van de verwerking; niet wijzigen (hiermee worden latere scans samengevoegd).", en: "Fixed key of the entry; do not change (later scans are merged on it)." } },
  { id: "status", kind: "found", key: { nl: "status", en: "status" }, label: { nl: "Status", en: "Status" }, width: 16,
    help: { nl: "nieuw, gevonden of niet meer gevonden bij de laatste scan.", en: "new, found, or no longer found in the latest scan." } },
  { id: "name", kind: "person", key: { nl: "naam", en: "name" }, label: { nl: "Naam verwerking", en: "Name of the processing" }, width: 34,
    help: { nl: "Naam van de verwerking (art. 30 lid 1 AVG).", en: "Name of the processing (Art. 30(1) GDPR)." } },
  { id: "controller", kind: "person", key: { nl: "verwerkingsverantwoordelijke", en: "controller" }, label: { nl: "Verwerkingsverantwoordelijke", en: "Controller" }, width: 26,
    help: { nl: "Naam van de verwerkingsverantwoordelijke (art. 30 lid 1 sub a).", en: "Name of the controller (Art. 30(1)(a))." } },
  { id: "contact", kind: "person", key: { nl: "contactgegevens", en: "contact" }, label: { nl: "Contactgegevens (en FG)", en: "Contact details (and DPO)" }, width: 28,
    help: { nl: "Contactgegevens van de verwerkingsverantwoordelijke en de functionaris gegevensbescherming (art. 30 lid 1 sub a).", en: "Contact details of the controller and the data protection officer (Art. 30(1)(a))." } },
  { id: "purposes", kind: "person", key: { nl: "doeleinden", en: "purposes" }, label: { nl: "Doeleinden", en: "Purposes" }, width: 30,
    help: { nl: "Waarvoor de gegevens worden verwerkt (art. 30 lid 1 sub b).", en: "What the data is processed for (Art. 30(1)(b))." } },
  { id: "legalBasis", kind: "person", key: { nl: "rechtsgrond", en: "legalBasis" }, label: { nl: "Rechtsgrond (art. 6)", en: "Legal basis (Art. 6)" }, width: 28,
    help: { nl: "Een van de zes grondslagen van art. 6 lid 1 AVG.", en: "One of the six grounds of Art. 6(1) GDPR." } },
  { id: "dataSubjects", kind: "person", list: true, key: { nl: "betrokkenen", en: "dataSubjects" }, label: { nl: "Categorieën betrokkenen", en: "Categories of data subjects" }, width: 26,
    help: { nl: "Van wie de gegevens zijn (art. 30 lid 1 sub c); voorgesteld uit map-, bestands- en kolomnamen.", en: "Whose data it is (Art. 30(1)(c)); suggested from folder, file and column names." } },
  { id: "dataCategories", kind: "found", list: true, key: { nl: "persoonsgegevens", en: "personalData" }, label: { nl: "Categorieën persoonsgegevens", en: "Categories of personal data" }, width: 40,
    help: { nl: "Welke persoonsgegevens de scan vond (art. 30 lid 1 sub c), met het aantal bestanden.", en: "Which personal data the scan found (Art. 30(1)(c)), with the number of files." } },
  { id: "specialCategories", kind: "found", list: true, key: { nl: "bijzondereGegevens", en: "specialCategories" }, label: { nl: "Bijzondere en gevoelige gegevens", en: "Special and sensitive data" }, width: 36,
    help: { nl: "Bijzondere persoonsgegevens (art. 9), strafrechtelijke gegevens (art. 10), BSN en andere identificatienummers (art. 87 AVG, art. 46 UAVG).", en: "Special categories (Art. 9), criminal data (Art. 10), national identification numbers (Art. 87 GDPR)." } },
  { id: "specialException", kind: "person", key: { nl: "uitzondering", en: "exception" }, label: { nl: "Uitzondering / grondslag bijzondere gegevens", en: "Exception for special data" }, width: 36,
    help: { nl: "De uitzondering van art. 9 lid 2 AVG (en UAVG art. 22-30), art. 10 (UAVG art. 31-33) of de wettelijke grondslag voor het BSN (art. 46 UAVG).", en: "The exception of Art. 9(2) GDPR, Art. 10, or the statutory basis for a national identification number." } },
  { id: "recipients", kind: "person", key: { nl: "ontvangers", en: "recipients" }, label: { nl: "Ontvangers", en: "Recipients" }, width: 26,
    help: { nl: "Aan wie de gegevens worden verstrekt, ook verwerkers (art. 30 lid 1 sub d).", en: "Who receives the data, processors included (Art. 30(1)(d))." } },
  { id: "transfers", kind: "person", key: { nl: "doorgifteBuitenEer", en: "transfersOutsideEea" }, label: { nl: "Doorgifte buiten de EER", en: "Transfers outside the EEA" }, width: 24,
    help: { nl: "Landen buiten de EER en de waarborgen (art. 30 lid 1 sub e, art. 44-49).", en: "Countries outside the EEA and the safeguards (Art. 30(1)(e), Art. 44-49)." } },
  { id: "retention", kind: "person", key: { nl: "bewaartermijn", en: "retention" }, label: { nl: "Bewaartermijn", en: "Retention period" }, width: 34,
    help: { nl: "Hoe lang de gegevens worden bewaard (art. 30 lid 1 sub f); voorgesteld uit de bewaartabel.", en: "How long the data is kept (Art. 30(1)(f)); suggested from the retention table." } },
  { id: "measures", kind: "person", key: { nl: "maatregelen", en: "measures" }, label: { nl: "Technische en organisatorische maatregelen", en: "Technical and organisational measures" }, width: 34,
    help: { nl: "Beveiliging van de gegevens (art. 30 lid 1 sub g, art. 32).", en: "Security of the data (Art. 30(1)(g), Art. 32)." } },
  { id: "locations", kind: "found", list: true, key: { nl: "bronlocaties", en: "sourceLocations" }, label: { nl: "Bronlocaties", en: "Source locations" }, width: 44,
    help: { nl: "Waar de scan de gegevens vond (paden).", en: "Where the scan found the data (paths)." } },
  { id: "fileCount", kind: "found", key: { nl: "aantalBestanden", en: "fileCount" }, label: { nl: "Aantal bestanden", en: "Number of files" }, width: 10,
    help: { nl: "Aantal bestanden met persoonsgegevens.", en: "Number of files with personal data." } },
  { id: "dpia", kind: "found", key: { nl: "dpia", en: "dpia" }, label: { nl: "DPIA aangewezen?", en: "DPIA indicated?" }, width: 34,
    help: { nl: "Of de scan aanwijzingen ziet voor een DPIA (art. 35): bijzondere gegevens op schaal, BSN, gegevens van kinderen.", en: "Whether the scan sees signs that a DPIA is needed (Art. 35): special data at scale, national ids, children's data." } },
  { id: "scanDate", kind: "found", key: { nl: "datumScan", en: "scanDate" }, label: { nl: "Datum scan", en: "Scan date" }, width: 12,
    help: { nl: "Datum van de scan waarop de gevonden feiten berusten.", en: "Date of the scan the found facts come from." } },
  { id: "remarks", kind: "person", key: { nl: "opmerkingen", en: "remarks" }, label: { nl: "Opmerkingen", en: "Remarks" }, width: 30,
    help: { nl: "Vrij veld.", en: "Free text." } },
];

export const FIELD_BY_ID = new Map(FIELDS.map((f) => [f.id, f]));

/** Finds a field by its YAML key or column label, in either language (a register may switch). */
export function fieldByName(name: string): FieldDef | undefined {
  const n = name.trim().toLowerCase();
  return FIELDS.find((f) => [f.key.nl, f.key.en, f.label.nl, f.label.en].some((x) => x.toLowerCase() === n));
}

export type FieldValue = string | string[];
export type RegisterEntry = Partial<Record<FieldId, FieldValue>> & { id: string };

/** Markers of a value the tool wrote and a person has not yet confirmed, in both languages. */
export const MARKERS: Record<Lang, { suggested: string; complete: string; choose: string; na: string }> = {
  nl: { suggested: "[voorstel]", complete: "[in te vullen]", choose: "[kiezen]", na: "[n.v.t.]" },
  en: { suggested: "[suggested]", complete: "[to complete]", choose: "[choose]", na: "[n/a]" },
};

const ALL_MARKERS = Object.values(MARKERS).flatMap((m) => Object.values(m));

/** True when a value is empty or (each item) still starts with a tool marker. */
export function isUnconfirmed(value: FieldValue | undefined): boolean {
  if (value === undefined) return true;
  const items = Array.isArray(value) ? value : [value];
  const texts = items.map((v) => String(v).trim()).filter((v) => v !== "");
  return texts.every((v) => ALL_MARKERS.some((m) => v.toLowerCase().startsWith(m)));
}

/** The six grounds of Art. 6(1) GDPR. */
export const LEGAL_BASES: Record<Lang, string[]> = {
  nl: ["toestemming (a)", "uitvoering overeenkomst (b)", "wettelijke verplichting (c)", "vitaal belang (d)", "taak van algemeen belang (e)", "gerechtvaardigd belang (f)"],
  en: ["consent (a)", "performance of a contract (b)", "legal obligation (c)", "vital interests (d)", "public task (e)", "legitimate interests (f)"],
};
