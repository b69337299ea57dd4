import { describe, expect, it } from "vitest";
import { detectInUnit, dropOverlaps, filenameUnit, HeaderHints, normalizeHeader, wordStarts } from "../../src/detect/engine.js";
import type { TraceEntry } from "../../src/detect/engine.js";
import { cell, prose, ruleFromYaml } from "../helpers.js";
import { BUILTIN_RULES_DIR, compileRule } from "../../src/ruleset/load.js";

const bsnRule = ruleFromYaml(`
id: test.bsn
category: bsn
classification: special
patterns:
  - name: nine-digits
    regex: '(?<![\\d.])\\d{3}\\.?\\d{3}\\.?\\d{3}(?![\\d.])'
    normalize: digits
validator: elfproef
confidence: low
context: { words: [bsn, burgerservicenummer], window: 30, confidence: high }
headers: { patterns: ['^bsn$'], confidence: high }
allow: [{ pattern: '^99999', note: reserved test range }]
examples: { match: ["BSN 111222333"], no-match: ["123456789"] }
`, "test.bsn");

const dobRule = ruleFromYaml(`
id: test.dob
category: date-of-birth
classification: generic
patterns: [{ name: dmy, regex: '\\b\\d{2}-\\d{2}-\\d{4}\\b' }]
validator: date
confidence: medium
context: { words: [geboren, geboortedatum], confidence: high, required: true, exclude: [vergadering] }
headers: { patterns: [geboortedatum], confidence: high }
examples: { match: ["geboren 12-03-1985"], no-match: ["12-03-1985"] }
`, "test.dob");

const hints = () => new HeaderHints();

describe("detectInUnit", () => {
  it("drops a match whose checksum fails and keeps one that passes", () => {
    const found = detectInUnit(prose("nummers 123456789 en 111222333"), [bsnRule], hints()).detections;
    expect(found.map((d) => d.value)).toEqual(["111222333"]);
    expect(found[0].confidence).toBe("low");
    expect(found[0].evidence.map((e) => e.kind)).toEqual(["pattern", "validator"]);
  });

  it("raises confidence for a context word inside the window only", () => {
    expect(detectInUnit(prose("Het BSN is 111.222.333"), [bsnRule], hints()).detections[0].confidence).toBe("high");
    const far = `BSN ${"x".repeat(60)} 111222333`;
    expect(detectInUnit(prose(far), [bsnRule], hints()).detections[0].confidence).toBe("low");
  });

  it("uses the column header as a hint for cells", () => {
    const d = detectInUnit(cell("111222333", "BSN", 0, 2), [bsnRule], hints()).detections[0];
    expect(d.confidence).toBe("high");
    expect(d.headerHint).toBe(true);
    expect(d.evidence).toContainEqual({ kind: "header", detail: "BSN" });
  });

  it("drops a required-context match without context, and one with an exclude word", () => {
    expect(detectInUnit(prose("vergadering op 12-03-1985"), [dobRule], hints()).detections).toEqual([]);
    expect(detectInUnit(prose("op 12-03-1985 was het mooi"), [dobRule], hints()).detections).toEqual([]);
    expect(detectInUnit(prose("geboren op 12-03-1985"), [dobRule], hints()).detections[0].confidence).toBe("high");
    expect(detectInUnit(prose("geboren op 12-03-1985, vergadering"), [dobRule], hints()).detections).toEqual([]);
    expect(detectInUnit(cell("12-03-1985", "Geboortedatum", 3, 2), [dobRule], hints()).detections).toHaveLength(1);
  });

  it("raises a term in a free-text column of a record (headers.notes) to that column's confidence", () => {
    const rule = compileRule(BUILTIN_RULES_DIR, "test/notes.yaml", `
id: test.notes
category: health
classification: special
terms: { words: [migraine] }
confidence: low
headers:
  patterns: ['^diagnose$']
  confidence: high
  notes: { lists: [lists/headers-notes.txt], confidence: medium }
examples: { match: ["migraine"], no-match: ["hoofdpijn"] }
`);
    const grade = (header: string) => detectInUnit(cell("migraine", header, 0, 2), [rule], hints()).detections[0]?.confidence;
    expect(grade("Diagnose")).toBe("high");
    expect(grade("Opmerkingen")).toBe("medium");
    expect(grade("Notes__c")).toBe("medium");
    expect(grade("Bijzonderheden klant")).toBe("medium");
    expect(grade("Productgroep")).toBe("low");
  });

  it("notes known test values but still reports them", () => {
    const d = detectInUnit(prose("BSN 999999990"), [bsnRule], hints()).detections;
    expect(d).toHaveLength(1);
    expect(d[0].notes).toEqual(["reserved test range"]);
  });

  it("reports column signals: shaped and valid per rule", () => {
    const bad = detectInUnit(cell("123456789", "BSN", 0, 2), [bsnRule], hints());
    expect(bad.signal.shaped.has("test.bsn")).toBe(true);
    expect(bad.signal.valid.has("test.bsn")).toBe(false);
  });
});

describe("dropOverlaps", () => {
  it("drops a span inside a longer, at least as confident span of another category", () => {
    const ibanRule = ruleFromYaml(`
id: test.iban
category: iban
classification: generic
patterns: [{ name: nl, regex: 'NL\\d{2}[A-Z]{4}\\d{10}' }]
confidence: medium
examples: { match: [NL91ABNA0417164300], no-match: [x] }
`, "test.iban");
    const loose = ruleFromYaml(`
id: test.loose
category: bsn
classification: special
patterns: [{ name: digits, regex: '\\d{9}' }]
confidence: low
examples: { match: ["111222333"], no-match: [x] }
`, "test.loose");
    const found = detectInUnit(prose("NL91ABNA0417164300"), [ibanRule, loose], hints()).detections;
    expect(found.map((d) => d.rule.id)).toEqual(["test.iban"]);
    expect(dropOverlaps([])).toEqual([]);
  });
});

describe("normalizeHeader", () => {
  it("lowercases and turns separators into spaces", () => {
    expect(normalizeHeader("  E-Mail_Adres ")).toBe("e mail adres");
  });
});

describe("term prefilter", () => {
  it("lists the first three letters of each word, lower-cased, Unicode-aware", () => {
    expect(wordStarts("Patiënt Ëlla-de Vries, ADHD 2x")).toEqual(["pat", "ëll", "de", "vri", "adh", "2x"]);
    expect(wordStarts("  ")).toEqual([]);
  });

  it("skips a term rule on text where no word starts like a term, and still finds terms", () => {
    const rule = ruleFromYaml(`
id: test.terms
category: health
classification: special
terms: { words: [diabetes, "ziekte van crohn", ms] }
confidence: medium
examples: { match: ["diabetes"], no-match: ["x"] }
`, "test.terms");
    expect([...rule.termPrefixes!].sort()).toEqual(["dia", "ms", "zie"]);
    const found = (t: string) => detectInUnit(prose(t), [rule], new HeaderHints()).detections.map((d) => t.slice(d.start, d.end));
    expect(found("Zij heeft Diabetes en de ziekte  van Crohn; MS.")).toEqual(["Diabetes", "ziekte  van Crohn", "MS"]);
    expect(found("diabetici, msn")).toEqual([]);
  });
});

describe("scope, notes and the child flag", () => {
  const idCopy = ruleFromYaml(`
id: test.id-copy
category: id-document-number
classification: special
scope: filename
note: "documenttype: kopie identiteitsbewijs"
terms: { words: [paspoort] }
confidence: medium
examples: { match: ["kopie-paspoort.jpg"], no-match: ["x"] }
`, "test.id-copy");

  it("runs filename rules on the file name only, with the rule's note", () => {
    const name = detectInUnit(filenameUnit("HR/kopie_paspoort-jansen.jpg"), [idCopy], new HeaderHints()).detections;
    expect(name.map((d) => [d.rule.id, d.notes])).toEqual([["test.id-copy", ["documenttype: kopie identiteitsbewijs"]]]);
    expect(detectInUnit(prose("Neem uw paspoort mee."), [idCopy], new HeaderHints()).detections).toEqual([]);
    expect(filenameUnit("HR/kopie_paspoort-jansen.jpg").text).toBe("HR kopie paspoort jansen");
  });

  it("flags a date of birth of someone younger than 16 as a child's", () => {
    const dob = ruleFromYaml(`
id: test.dob-child
category: date-of-birth
classification: generic
patterns: [{ name: ymd, regex: '\\d{4}-\\d{2}-\\d{2}' }]
validator: date
confidence: medium
child: { under: 16, note: "kind jonger dan 16 (Art. 8 AVG)" }
examples: { match: ["1985-03-12"], no-match: ["x"] }
`, "test.dob-child");
    const year = new Date().getUTCFullYear();
    const notes = (t: string) => detectInUnit(prose(t), [dob], new HeaderHints()).detections[0].notes;
    expect(notes(`${year - 5}-01-01`)).toEqual(["kind jonger dan 16 (Art. 8 AVG)"]);
    expect(notes("1985-03-12")).toEqual([]);
  });
});

describe("support, contains and header excludes", () => {
  const number = ruleFromYaml(`
id: test.number
category: bsn
classification: special
patterns: [{ name: nine, regex: '(?<!\\d)\\d{9}(?!\\d)' }]
validator: elfproef
confidence: low
support: { categories: [name], window: 20, confidence: medium }
headers: { patterns: [bsn], confidence: high, exclude: [artikel] }
examples: { match: ["111222333"], no-match: ["1"] }
`, "test.number");
  const name = ruleFromYaml(`
id: test.name
category: name
classification: generic
patterns: [{ name: mw, regex: 'Mw\\. \\p{Lu}\\p{Ll}+' }]
confidence: medium
examples: { match: ["Mw. Jansen"], no-match: ["x"] }
`, "test.name");
  const find = (t: string) => detectInUnit(prose(t), [number, name], new HeaderHints()).detections;

  it("raises a weak match next to supporting personal data, not one far from it", () => {
    const near = find("Mw. Hendriks, 111222333, Deventer").find((d) => d.rule.id === "test.number")!;
    expect(near.confidence).toBe("medium");
    expect(near.evidence).toContainEqual({ kind: "context", detail: "near name" });
    const far = find(`Mw. Hendriks ${"x".repeat(40)} 111222333`).find((d) => d.rule.id === "test.number")!;
    expect(far.confidence).toBe("low");
  });

  it("does not let a name support a term when a public role is in the window (support.exclude)", () => {
    const party = ruleFromYaml(`
id: test.party
category: political
classification: special
terms: { words: [VVD] }
confidence: low
support: { categories: [name], window: 40, confidence: medium, exclude: [leider$, kamerlid] }
examples: { match: ["VVD"], no-match: ["x"] }
`, "test.party");
    const level = (t: string) => detectInUnit(prose(t), [party, name], new HeaderHints()).detections.find((d) => d.rule.id === "test.party")!.confidence;
    expect(level("Mw. Bakker (VVD) belde over de vergunning.")).toBe("medium");
    expect(level("VVD-leider Mw. Bakker sprak in de Kamer.")).toBe("low");
    expect(level("Kamerlid Mw. Bakker (VVD) diende een motie in.")).toBe("low");
    // whole word: "leiderschap" is not a public role
    expect(level("Mw. Bakker (VVD) volgt een cursus leiderschap.")).toBe("medium");
  });

  it("drops a match inside a longer exclude phrase, but an exclude word never drops its own term", () => {
    const union = ruleFromYaml(`
id: test.union
category: trade-union
classification: special
terms: { words: [FNV, prisoner] }
confidence: low
context: { words: [collega], window: 40, confidence: medium, exclude: [fnv-voorzitter, prisoner of, fnv] }
examples: { match: ["FNV"], no-match: ["x"] }
`, "test.union");
    const outcome = (t: string) => {
      const trace: TraceEntry[] = [];
      detectInUnit(prose(t), [union], new HeaderHints(), trace);
      return trace.map((e) => `${e.outcome}${e.outcome === "excluded" ? ` ${e.detail}` : ""}`);
    };
    expect(outcome("Collega en FNV-voorzitter Jan sprak.")).toEqual(["excluded fnv-voorzitter"]);
    expect(outcome("Collega is a prisoner of his inbox.")).toEqual(["excluded prisoner of"]);
    // "fnv" equals the term: it only drops a match when it stands beside it, not the match itself
    expect(outcome("Collega is lid van de FNV.")).toEqual(["kept"]);
    expect(outcome("Collega was a prisoner in Wandsworth.")).toEqual(["kept"]);
  });

  it("skips a cell whose header the rule excludes", () => {
    expect(detectInUnit(cell("111222333", "Artikelnummer", 0, 2), [number], new HeaderHints()).detections).toEqual([]);
    expect(detectInUnit(cell("111222333", "BSN", 0, 2), [number], new HeaderHints()).detections[0].confidence).toBe("high");
  });

  it("keeps a postcode inside an address when the address rule says it contains postcodes", () => {
    const yaml = (contains: string) => `
id: test.address
category: address
classification: generic
patterns: [{ name: pc-nr, regex: '\\d{4} [A-Z]{2} \\d+' }]
confidence: medium
${contains}
examples: { match: ["1234 AB 5"], no-match: ["x"] }
`;
    const postcode = ruleFromYaml(`
id: test.postcode
category: postcode
classification: generic
patterns: [{ name: pc, regex: '\\d{4} [A-Z]{2}' }]
confidence: medium
examples: { match: ["1234 AB"], no-match: ["x"] }
`, "test.postcode");
    const categories = (contains: string) =>
      detectInUnit(prose("Bezorgen op 1017 DD 28"), [ruleFromYaml(yaml(contains), "test.address"), postcode], new HeaderHints()).detections.map((d) => d.rule.category).sort();
    expect(categories("contains: [postcode]")).toEqual(["address", "postcode"]);
    expect(categories("")).toEqual(["address"]);
  });

  it("matches context words spelled with spaces, hyphens or underscores", () => {
    const rule = ruleFromYaml(`
id: test.card
category: id-document-number
classification: special
patterns: [{ name: nr, regex: '[A-Z]{2}\\d{7}' }]
confidence: low
context: { words: [id-kaart], confidence: high, required: true }
examples: { match: ["id-kaart AB1234567"], no-match: ["x"] }
`, "test.card");
    for (const t of ["id_kaart_nr=AB1234567", "ID kaart: AB1234567", "idkaart AB1234567"]) {
      expect(detectInUnit(prose(t), [rule], new HeaderHints()).detections.map((d) => d.confidence), t).toEqual(["high"]);
    }
  });
});
