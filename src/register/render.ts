// The register as YAML (for people who keep it in git), Markdown (for a document) and the
// words they share. The workbook is in xlsx.ts. Keys and labels follow the register's
// language; reading accepts either language, so a register can be re-run with --lang en.
import { Document, parse } from "yaml";
import type { Lang } from "../report/i18n.js";
import type { RegisterDraft } from "./build.js";
import { mdCell as mdEscape } from "../report/md.js";
import { FIELDS, fieldByName, type FieldValue, type RegisterEntry } from "./fields.js";

export const REGISTER_TEXT = {
  nl: {
    title: "Concept-verwerkingsregister (art. 30 AVG)",
    intro: [
      "Gemaakt door avg-scan uit een scan van de bestanden; een concept dat een mens aanvult.",
      "Waarden die beginnen met [voorstel], [in te vullen], [kiezen] of [n.v.t.] komen van avg-scan.",
      "Haal de markering weg als u een waarde bevestigt of invult: een nieuwe scan werkt dan de",
      "gevonden feiten bij en laat uw tekst staan. Verwerkingen waarvan de gegevens verdwenen zijn",
      "blijven staan met de status 'niet meer gevonden'. Het register bevat geen gevonden waarden.",
    ],
    meta: "register",
    scanDate: "scanDatum",
    roots: "bronnen",
    tool: "tool",
    entries: "verwerkingen",
    unreadable: "nietGescand",
    unreadableTitle: "Niet gescande bestanden",
    unreadableIntro: "Deze bestanden konden niet (volledig) worden gelezen; beoordeel ze met de hand.",
    path: "pad",
    status: "status",
    code: "code",
    message: "melding",
    none: "Geen persoonsgegevens gevonden.",
    field: "Veld",
    value: "Waarde",
  },
  en: {
    title: "Draft record of processing activities (Art. 30 GDPR)",
    intro: [
      "Made by avg-scan from a scan of the files; a draft for a person to complete.",
      "Values that start with [suggested], [to complete], [choose] or [n/a] come from avg-scan.",
      "Remove the marker when you confirm or fill in a value: a new scan then updates the found",
      "facts and keeps your text. Entries whose data is gone stay, with the status 'no longer",
      "found'. The register holds none of the values found.",
    ],
    meta: "register",
    scanDate: "scanDate",
    roots: "roots",
    tool: "tool",
    entries: "processing",
    unreadable: "notScanned",
    unreadableTitle: "Files not scanned",
    unreadableIntro: "These files could not be read (in full); review them by hand.",
    path: "path",
    status: "status",
    code: "code",
    message: "message",
    none: "No personal data found.",
    field: "Field",
    value: "Value",
  },
};

/** A register file a person edited that cannot be read back. */
export class RegisterInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RegisterInputError";
  }
}

export function renderYaml(draft: RegisterDraft): string {
  const t = REGISTER_TEXT[draft.lang];
  const lang = draft.lang;
  const body = {
    [t.meta]: { [t.scanDate]: draft.scanDate, [t.roots]: draft.roots, [t.tool]: draft.tool },
    [t.entries]: draft.entries.map((e) => {
      const out: Record<string, FieldValue> = {};
      for (const f of FIELDS) {
        const v = e[f.id];
        out[f.key[lang]] = v === undefined ? (f.list ? [] : "") : v;
      }
      return out;
    }),
    [t.unreadable]: draft.unreadable.map((u) => ({ [t.path]: u.path, [t.status]: u.status, [t.code]: u.code, [t.message]: u.message })),
  };
  const doc = new Document(body);
  doc.commentBefore = [t.title, "", ...t.intro].map((l) => ` ${l}`.trimEnd()).join("\n");
  return doc.toString({ lineWidth: 0, indentSeq: true });
}

function toFieldValue(value: unknown): FieldValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined).map((v) => String(v));
  return String(value);
}

/** Entries of a YAML register (either language); only their fields, by id. */
export function readYamlEntries(text: string, name: string): RegisterEntry[] {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    throw new RegisterInputError(`${name}: not valid YAML: ${(err as Error).message.split("\n")[0]}`);
  }
  const root = (doc ?? {}) as Record<string, unknown>;
  const list = root[REGISTER_TEXT.nl.entries] ?? root[REGISTER_TEXT.en.entries];
  if (!Array.isArray(list)) throw new RegisterInputError(`${name}: no "${REGISTER_TEXT.nl.entries}" (or "${REGISTER_TEXT.en.entries}") list: not an avg-scan register`);
  return list.map((item, i) => {
    if (!item || typeof item !== "object") throw new RegisterInputError(`${name}: entry ${i + 1} is not a mapping`);
    const entry: Record<string, FieldValue | undefined> = {};
    for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
      const f = fieldByName(key);
      if (f) entry[f.id] = toFieldValue(value);
    }
    if (typeof entry.id !== "string" || entry.id === "") throw new RegisterInputError(`${name}: entry ${i + 1} has no id`);
    return entry as RegisterEntry;
  });
}

export function renderMarkdown(draft: RegisterDraft): string {
  const t = REGISTER_TEXT[draft.lang];
  const lang = draft.lang;
  const out: string[] = [`# ${t.title}`, "", ...t.intro.join(" ").split("\n"), ""];
  out.push(`- ${t.scanDate}: ${draft.scanDate}`, `- ${t.roots}: ${draft.roots.map((r) => `\`${r}\``).join(", ")}`, `- ${t.tool}: ${draft.tool}`, "");
  if (draft.entries.length === 0) out.push(t.none, "");
  for (const e of draft.entries) {
    const name = typeof e.name === "string" ? e.name : e.id;
    out.push(`## ${mdEscape(name.replace(/^\[[^\]]+\]\s*/, ""))}`, "");
    out.push(`| ${t.field} | ${t.value} |`, "| --- | --- |");
    for (const f of FIELDS) {
      const v = e[f.id];
      const text = v === undefined ? "" : Array.isArray(v) ? v.map(mdEscape).join("<br>") : mdEscape(v);
      out.push(`| ${f.label[lang]} | ${text} |`);
    }
    out.push("");
  }
  if (draft.unreadable.length) {
    out.push(`## ${t.unreadableTitle}`, "", t.unreadableIntro, "", `| ${t.path} | ${t.status} | ${t.code} | ${t.message} |`, "| --- | --- | --- | --- |");
    for (const u of draft.unreadable) out.push(`| ${mdEscape(u.path)} | ${u.status} | ${u.code} | ${mdEscape(u.message)} |`);
    out.push("");
  }
  return `${out.join("\n").trimEnd()}\n`;
}

