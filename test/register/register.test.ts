// The register as pure functions: stores, suggestions, markers and the merge that keeps a
// person's text.
import { describe, expect, it } from "vitest";
import type { FileReport, ScanReport } from "../../src/model/types.js";
import { buildRegister, storeOf } from "../../src/register/build.js";
import { isUnconfirmed, type RegisterEntry } from "../../src/register/fields.js";
import { mergeRegister } from "../../src/register/merge.js";
import { readYamlEntries, renderYaml } from "../../src/register/render.js";
import { suggestRetention, suggestSubjects } from "../../src/register/suggest.js";

function file(path: string, over: Partial<FileReport> = {}): FileReport {
  return { path, format: "txt", size: 1, modifiedAt: "2026-01-01T00:00:00.000Z", status: "scanned", classification: "generic", findings: [], ...over };
}
const finding = (category: "email" | "health" | "bsn" | "date-of-birth", count = 1, noteCounts?: Record<string, number>) => ({
  ruleId: `x.${category}`,
  category,
  classification: (category === "email" || category === "date-of-birth" ? "generic" : "special") as "generic" | "special",
  confidence: "high" as const,
  count,
  locations: [{ line: 1 }],
  samples: ["***"],
  evidence: [],
  ...(noteCounts ? { noteCounts } : {}),
});
function reportOf(files: FileReport[], date = "2026-03-01"): ScanReport {
  return {
    schemaVersion: 1, tool: { name: "avg-scan", version: "0" }, startedAt: `${date}T10:00:00.000Z`, finishedAt: `${date}T10:01:00.000Z`,
    roots: ["share"], options: { minConfidence: "medium", rulesetHash: "h", rules: 1 },
    summary: { filesScanned: files.length, filesFailed: 0, filesSkipped: 0, bytesScanned: 0, byClassification: { none: 0, generic: 0, special: 0 }, byCategory: {} },
    files,
  } as ScanReport;
}

describe("stores", () => {
  it("keeps a dataset on its own and groups documents by folder", () => {
    expect(storeOf(file("crm/leden.csv", { format: "csv" })).id).toBe("file:crm/leden.csv");
    expect(storeOf(file("hr/brief.docx", { format: "docx" })).id).toBe("folder:hr");
    expect(storeOf(file("a.zip!/x.txt")).id).toBe("folder:a.zip");
  });
  it("leaves out files without findings and lists unreadable ones apart", () => {
    const r = reportOf([file("a/leeg.txt"), file("a/brief.txt", { findings: [finding("email")] }), file("b/kapot.pdf", { status: "failed", error: { code: "CORRUPT", message: "bad" } })]);
    const d = buildRegister(r, {}, "nl");
    expect(d.entries.map((e) => e.id)).toEqual(["folder:a"]);
    expect(d.unreadable).toEqual([{ path: "b/kapot.pdf", status: "failed", code: "CORRUPT", message: "bad" }]);
  });
});

describe("suggestions", () => {
  it("reads data subjects from words at word starts", () => {
    expect(suggestSubjects(["crm/ledenlijst-2024.xlsx"], new Set())).toEqual(["members"]);
    expect(suggestSubjects(["HR/verzuim/ziekmeldingen.xlsx"], new Set())).toEqual(["employees"]);
    expect(suggestSubjects(["three/threads.txt"], new Set())).toEqual([]); // no "hr" inside a word
    expect(suggestSubjects(["export.csv", "Sollicitant", "E-mail"], new Set())).toEqual(["applicants"]);
    expect(suggestSubjects(["crm/contacts.csv"], new Set())).toEqual(["contacts"]);
    expect(suggestSubjects(["crm/contacts.csv", "lidnummer"], new Set())).toEqual(["members"]); // contacts only when alone
  });
  it("takes the retention table of the config over the defaults", () => {
    expect(suggestRetention(["members"], [], "nl", { leden: "1 jaar na opzegging" })).toEqual(["1 jaar na opzegging"]);
    expect(suggestRetention(["members"], ["fiscal"], "nl", { fiscal: "10 jaar" })).toEqual([expect.stringContaining("lidmaatschap"), "10 jaar"]);
    expect(suggestRetention(["customers"], ["fiscal"], "nl")).toHaveLength(1); // the fiscal period is in the customers' text
  });
  it("indicates a DPIA for national ids, special data at scale and children's data", () => {
    const d = buildRegister(
      reportOf([
        file("zorg/dossiers.txt", { findings: [finding("health", 60)] }),
        file("jeugd/aanmeldingen.txt", { findings: [finding("date-of-birth", 3, { "kind jonger dan 16 (Art. 8 AVG) / child under 16 (Art. 8 GDPR)": 2 })] }),
        file("hr/brief.txt", { findings: [finding("health", 1)] }),
        file("loon/strook.txt", { findings: [finding("bsn", 1)] }),
      ]),
      {},
      "nl",
    );
    const dpia = Object.fromEntries(d.entries.map((e) => [e.id, e.dpia]));
    expect(dpia["folder:zorg"]).toBe("ja: bijzondere gegevens op schaal");
    expect(dpia["folder:jeugd"]).toBe("ja: gegevens van kinderen (art. 8)");
    expect(dpia["folder:hr"]).toBe("mogelijk, beoordelen: bijzondere gegevens gevonden");
    expect(dpia["folder:loon"]).toBe("ja: nationaal identificatienummer");
  });
});

describe("merge", () => {
  const first = buildRegister(reportOf([file("a/x.txt", { findings: [finding("email")] }), file("b/y.txt", { findings: [finding("health")] })]), {}, "nl");
  it("marks every entry new on a first run", () => {
    const { draft, stats } = mergeRegister(first, undefined);
    expect(draft.entries.map((e) => e.status)).toEqual(["nieuw", "nieuw"]);
    expect(stats).toEqual({ added: 2, found: 0, gone: 0, keptFields: 0 });
  });
  it("keeps what a person wrote, replaces what still carries a marker, rewrites found facts", () => {
    const edited: RegisterEntry[] = mergeRegister(first, undefined).draft.entries.map((e) =>
      e.id === "folder:a" ? { ...e, purposes: "Nieuwsbrief", dataSubjects: ["abonnees"], fileCount: "99", remarks: "" } : e,
    );
    const later = buildRegister(reportOf([file("a/x.txt", { findings: [finding("email")] }), file("a/z.txt", { findings: [finding("email")] })], "2026-04-01"), {}, "nl");
    const { draft, stats } = mergeRegister(later, edited);
    const a = draft.entries.find((e) => e.id === "folder:a")!;
    expect(a.purposes).toBe("Nieuwsbrief");
    expect(a.dataSubjects).toEqual(["abonnees"]);
    expect(a.fileCount).toBe("2");
    expect(a.legalBasis).toMatch(/^\[kiezen\]/);
    expect(a.status).toBe("gevonden");
    const b = draft.entries.find((e) => e.id === "folder:b")!;
    expect(b.status).toBe("niet meer gevonden sinds scan 2026-04-01");
    expect(b.specialCategories).toEqual(["gezondheid (1 bestand)"]);
    expect(stats).toEqual({ added: 0, found: 1, gone: 1, keptFields: 2 });
    // A later run keeps the first date it was missed.
    const third = mergeRegister(buildRegister(reportOf([file("a/x.txt", { findings: [finding("email")] })], "2026-05-01"), {}, "nl"), draft.entries);
    expect(third.draft.entries.find((e) => e.id === "folder:b")!.status).toBe("niet meer gevonden sinds scan 2026-04-01");
  });
  it("recognises the markers of both languages", () => {
    expect(isUnconfirmed("[voorstel] leden")).toBe(true);
    expect(isUnconfirmed(["[suggested] members", "[to complete] x"])).toBe(true);
    expect(isUnconfirmed("")).toBe(true);
    expect(isUnconfirmed("leden")).toBe(false);
    expect(isUnconfirmed(["[voorstel] leden", "vrijwilligers"])).toBe(false);
  });
  it("reads back the YAML it writes, also when the register was written in the other language", () => {
    const { draft } = mergeRegister(buildRegister(reportOf([file("a/x.txt", { findings: [finding("email")] })]), {}, "en"), undefined);
    const back = readYamlEntries(renderYaml(draft), "reg.yaml");
    expect(back).toEqual(draft.entries.map((e) => ({ ...e, remarks: "" })));
    expect(() => readYamlEntries("foo: 1\n", "reg.yaml")).toThrow(/not an avg-scan register/);
  });
});
