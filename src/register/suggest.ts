// Suggestions a person confirms: who the data is about (from folder, file and column
// names), what the processing might be called, and how long such data is usually kept.
// They are starting points marked [voorstel]; the consultant decides.
import type { Category } from "../model/types.js";
import type { Lang } from "../report/i18n.js";

export type Subject =
  | "members" | "donors" | "customers" | "contacts" | "employees" | "applicants" | "patients" | "clients"
  | "pupils" | "volunteers" | "participants" | "visitors" | "subscribers" | "suppliers" | "tenants";

interface SubjectDef {
  id: Subject;
  /** Matched against the words of the path and the column names (lower case, at a word start). */
  words: RegExp;
  label: Record<Lang, string>;
  processing: Record<Lang, string>;
}

// Word starts, so "leden" matches "ledenlijst" and "oud-leden" but "hr" does not match "three".
const w = (alternatives: string) => new RegExp(`(?:^|[^\\p{L}])(?:${alternatives})`, "u");

export const SUBJECTS: SubjectDef[] = [
  { id: "employees", words: w("medewerker|personeel|werknemer|employee|staff|hr(?:[^\\p{L}]|$)|p&o|salaris|loonstro|loonadm|payroll|verzuim|ziekmeld|uwv|arbo|vog(?:[^\\p{L}]|$)|functionering|beoordeling|dienstverband"),
    label: { nl: "medewerkers", en: "employees" }, processing: { nl: "Personeelsadministratie", en: "HR administration" } },
  { id: "applicants", words: w("sollicit|applicant|kandida|werving|recruit|vacature|cv(?:[^\\p{L}]|$)|curriculum"),
    label: { nl: "sollicitanten", en: "applicants" }, processing: { nl: "Werving en selectie", en: "Recruitment" } },
  { id: "members", words: w("leden|lid(?:[^\\p{L}]|$)|lidnummer|lidnr|lidmaatschap|member"),
    label: { nl: "leden", en: "members" }, processing: { nl: "Ledenadministratie", en: "Membership administration" } },
  { id: "donors", words: w("donateur|donor|donatie|donation|gift|schenking|fondsenwerv|fundrais"),
    label: { nl: "donateurs", en: "donors" }, processing: { nl: "Donateursadministratie", en: "Donor administration" } },
  { id: "patients", words: w("patiënt|patient|zorgdossier|behandel|medisch"),
    label: { nl: "patiënten", en: "patients" }, processing: { nl: "Patiëntendossiers", en: "Patient records" } },
  { id: "clients", words: w("cliënt|client(?:en|dossier)|hulpvrag|begeleiding|zorgplan"),
    label: { nl: "cliënten", en: "clients" }, processing: { nl: "Cliëntdossiers", en: "Client records" } },
  { id: "pupils", words: w("leerling|student|pupil|cursist|ouders|parents|school"),
    label: { nl: "leerlingen en ouders", en: "pupils and parents" }, processing: { nl: "Leerlingenadministratie", en: "Pupil administration" } },
  { id: "volunteers", words: w("vrijwillig|volunteer"),
    label: { nl: "vrijwilligers", en: "volunteers" }, processing: { nl: "Vrijwilligersadministratie", en: "Volunteer administration" } },
  { id: "customers", words: w("klant|customer|debiteur|factu|invoice|order|bestelling|abonnement"),
    label: { nl: "klanten", en: "customers" }, processing: { nl: "Klantenadministratie", en: "Customer administration" } },
  { id: "participants", words: w("deelnemer|participant|inschrijving|aanmelding|registration|evenement|cursus|workshop"),
    label: { nl: "deelnemers", en: "participants" }, processing: { nl: "Deelnemersregistratie", en: "Participant registration" } },
  { id: "subscribers", words: w("nieuwsbrief|newsletter|abonnee|subscriber|mailing"),
    label: { nl: "abonnees nieuwsbrief", en: "newsletter subscribers" }, processing: { nl: "Nieuwsbrief", en: "Newsletter" } },
  { id: "tenants", words: w("huurder|tenant|bewoner|resident"),
    label: { nl: "huurders", en: "tenants" }, processing: { nl: "Huurdersadministratie", en: "Tenant administration" } },
  { id: "suppliers", words: w("leverancier|supplier|crediteur|vendor"),
    label: { nl: "contactpersonen leveranciers", en: "supplier contacts" }, processing: { nl: "Leveranciersbeheer", en: "Supplier management" } },
  { id: "visitors", words: w("website|bezoeker|visitor|contactformulier|web(?:[^\\p{L}]|$)|weblog|access\\.log|analytics|tracking"),
    label: { nl: "websitebezoekers", en: "website visitors" }, processing: { nl: "Website en contactformulier", en: "Website and contact form" } },
  { id: "contacts", words: w("contact|relatie|crm|adres|address"),
    label: { nl: "contactpersonen en relaties", en: "contacts and relations" }, processing: { nl: "Relatiebeheer", en: "Relationship management" } },
];

/** Subjects named by the words of the given names (paths, column headers), in table order. */
export function suggestSubjects(names: string[], categories: Set<Category>): Subject[] {
  const text = names.map((n) => n.toLowerCase().replace(/[_\-.\/!]+/g, " ")).join(" | ");
  const found = SUBJECTS.filter((s) => s.words.test(text)).map((s) => s.id);
  // Network addresses: the people behind them are website visitors or users.
  if (categories.has("ip-address") && !found.includes("visitors")) found.push("visitors");
  // "contacts" is the weakest clue: only when nothing more specific was found.
  return found.length > 1 ? found.filter((s) => s !== "contacts") : found;
}

export function subjectLabel(s: Subject, lang: Lang): string {
  return SUBJECTS.find((d) => d.id === s)!.label[lang];
}

export function processingName(subjects: Subject[], lang: Lang): string | undefined {
  return subjects.length ? SUBJECTS.find((d) => d.id === subjects[0])!.processing[lang] : undefined;
}

/**
 * Default retention suggestions, by data subject and by record kind ("fiscal": invoices,
 * payments, payroll). Sources: art. 52 AWR (fiscal records, 7 years), Besluit SUWI / Wet
 * op de loonbelasting (copy of an ID for payroll, 5 years after employment), the AP's
 * guidance on applicants (4 weeks, a year with consent) and personnel files (2 years after
 * employment), art. 7:454 BW (medical records, 20 years). Overridden per key by the
 * `retention` table of avg-scan.config.yaml (keys: these ids or the Dutch labels).
 */
export const RETENTION: Record<Lang, Partial<Record<Subject | "fiscal" | "id-copy", string>>> = {
  nl: {
    employees: "personeelsdossier 2 jaar na uitdiensttreding",
    applicants: "4 weken na afronding van de sollicitatie (1 jaar met toestemming)",
    members: "duur van het lidmaatschap, daarna niet langer dan nodig (bijv. 2 jaar)",
    donors: "duur van de relatie; giftenadministratie 7 jaar (art. 52 AWR)",
    patients: "20 jaar na de laatste behandeling (art. 7:454 BW)",
    clients: "duur van de hulpverlening plus de wettelijke termijn van de sector",
    pupils: "tot 2 jaar na uitschrijving; bepaalde gegevens 5 jaar (onderwijswetgeving)",
    volunteers: "duur van de inzet, daarna niet langer dan nodig",
    customers: "duur van de klantrelatie; facturen 7 jaar (art. 52 AWR)",
    participants: "tot na afloop van de activiteit, daarna niet langer dan nodig",
    subscribers: "tot afmelding",
    tenants: "duur van de huurovereenkomst plus 2 jaar",
    suppliers: "duur van de relatie; facturen 7 jaar (art. 52 AWR)",
    visitors: "logbestanden en IP-adressen niet langer dan nodig (bijv. 6 maanden)",
    contacts: "duur van de relatie, daarna niet langer dan nodig",
    fiscal: "fiscale gegevens 7 jaar (art. 52 AWR)",
    "id-copy": "kopie identiteitsbewijs voor de loonadministratie 5 jaar na uitdiensttreding",
  },
  en: {
    employees: "personnel file 2 years after employment ends",
    applicants: "4 weeks after the application procedure (1 year with consent)",
    members: "duration of membership, then no longer than needed (e.g. 2 years)",
    donors: "duration of the relationship; gift records 7 years (Dutch tax law)",
    patients: "20 years after the last treatment (art. 7:454 Dutch Civil Code)",
    clients: "duration of the care plus the sector's statutory period",
    pupils: "up to 2 years after leaving; some records 5 years (education law)",
    volunteers: "duration of the volunteering, then no longer than needed",
    customers: "duration of the customer relationship; invoices 7 years (Dutch tax law)",
    participants: "until after the activity, then no longer than needed",
    subscribers: "until unsubscribed",
    tenants: "duration of the tenancy plus 2 years",
    suppliers: "duration of the relationship; invoices 7 years (Dutch tax law)",
    visitors: "log files and IP addresses no longer than needed (e.g. 6 months)",
    contacts: "duration of the relationship, then no longer than needed",
    fiscal: "fiscal records 7 years (Dutch tax law, art. 52 AWR)",
    "id-copy": "copy of an ID for payroll 5 years after employment ends",
  },
};

const FISCAL_WORDS = w("factu|invoice|financ|boekhoud|administratie|loon|salaris|payroll|belasting|btw|donateur|gift");

/** Record kinds of a store beyond its subjects: fiscal records, ID copies. */
export function recordKinds(names: string[], categories: Set<Category>): ("fiscal" | "id-copy")[] {
  const text = names.map((n) => n.toLowerCase().replace(/[_\-.\/!]+/g, " ")).join(" | ");
  const kinds: ("fiscal" | "id-copy")[] = [];
  if (categories.has("iban") || categories.has("credit-card") || FISCAL_WORDS.test(text)) kinds.push("fiscal");
  if (categories.has("id-document-number") && SUBJECTS[0].words.test(text)) kinds.push("id-copy");
  return kinds;
}

/** The retention suggestion for these subjects and record kinds; the config table wins per key. */
export function suggestRetention(subjects: Subject[], kinds: ("fiscal" | "id-copy")[], lang: Lang, table: Record<string, string> = {}): string[] {
  const override = (key: Subject | "fiscal" | "id-copy"): string | undefined => {
    const nlLabel = key === "fiscal" ? "fiscaal" : key === "id-copy" ? "kopie-id" : subjectLabel(key as Subject, "nl");
    return table[key] ?? table[nlLabel];
  };
  const out: string[] = [];
  // Donor, customer and supplier records already carry the fiscal period.
  const fiscalCovered = subjects.some((s) => s === "donors" || s === "customers" || s === "suppliers");
  for (const key of [...subjects, ...kinds.filter((k) => !(k === "fiscal" && fiscalCovered))]) {
    const text = override(key) ?? RETENTION[lang][key];
    if (text && !out.includes(text)) out.push(text);
  }
  return out;
}
