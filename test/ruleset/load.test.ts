import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileRule, loadRuleSet, parseTermList, RuleError, termsRegex, wordStartRegex } from "../../src/ruleset/load.js";

const GOOD = `
id: acme.member-number
category: name
classification: generic
patterns: [{ name: number, regex: 'LID-\\d{5}' }]
confidence: medium
examples: { match: ["LID-12345"], no-match: ["LID-1"] }
`;

function problem(yaml: string, rel = "acme/member-number.yaml"): string {
  try {
    compileRule("/rules", rel, yaml);
  } catch (err) {
    expect(err).toBeInstanceOf(RuleError);
    return (err as Error).message;
  }
  throw new Error("expected a RuleError");
}

describe("compileRule", () => {
  it("compiles a valid rule", () => {
    const rule = compileRule("/rules", "acme/member-number.yaml", GOOD);
    expect(rule).toMatchObject({ id: "acme.member-number", category: "name", confidence: "medium", kind: "pattern" });
  });

  it.each([
    ["an unknown category", GOOD.replace("category: name", "category: shoe-size"), /category: unknown category "shoe-size"/],
    ["a classification that differs from the table", GOOD.replace("classification: generic", "classification: special"), /classification: "special" but the category table says name is generic/],
    ["a broken regex", GOOD.replace("LID-\\d{5}", "LID-(\\d{5}"), /patterns\[0\]\.regex: invalid regular expression/],
    ["an unknown validator", `${GOOD}validator: crc32\n`, /validator: unknown validator "crc32"/],
    ["an unknown field", `${GOOD}colour: red\n`, /colour: unknown field/],
    ["a bad confidence", GOOD.replace("confidence: medium", "confidence: sure"), /confidence: "sure" is not one of low, medium, high/],
    ["missing examples", GOOD.replace(/examples:.*\n/, ""), /examples: must be a mapping/],
    ["not YAML at all", "id: [unclosed", /not valid YAML/],
  ])("names the file and field for %s", (_what, yaml, message) => {
    const text = problem(yaml);
    expect(text).toContain("member-number.yaml");
    expect(text).toMatch(message);
  });

  it("requires the id to match the file path", () => {
    expect(problem(GOOD, "acme/other.yaml")).toMatch(/id: "acme.member-number" does not match the file's path \(expected "acme.other"\)/);
  });
});

describe("loadRuleSet", () => {
  it("loads a user folder next to another, with term lists, and rejects duplicate ids", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "avg-rules-"));
    mkdirSync(path.join(dir, "acme"));
    mkdirSync(path.join(dir, "lists"));
    writeFileSync(path.join(dir, "acme", "member-number.yaml"), GOOD);
    writeFileSync(path.join(dir, "lists", "words.txt"), "# source: made up for the test\nvakbondslid\nlid van de vakbond\n");
    writeFileSync(path.join(dir, "acme", "union.yaml"), `
id: acme.union
category: trade-union
classification: special
terms: { lists: [lists/words.txt] }
confidence: medium
examples: { match: ["Hij is lid van  de vakbond"], no-match: ["vakbondsnieuws"] }
`);
    const set = loadRuleSet([dir]);
    expect(set.rules.map((r) => r.id)).toEqual(["acme.member-number", "acme.union"]);
    expect(set.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(() => loadRuleSet([dir, dir])).toThrow(/id: "acme.member-number" is also defined in/);
  });

  it("names a missing list file", () => {
    const yaml = `
id: acme.union
category: trade-union
classification: special
terms: { lists: [lists/missing.txt] }
confidence: medium
examples: { match: ["x"], no-match: ["y"] }
`;
    expect(problem(yaml, "acme/union.yaml")).toMatch(/terms\.lists\[0\]: list file "lists\/missing.txt" not found/);
  });
});

describe("context words", () => {
  it("match at a word start, or as the whole word when written with a trailing $", () => {
    const re = wordStartRegex(["recept$", "nieuws", "elke medewerker"]);
    expect(re.test("een recept voor soep")).toBe(true);
    expect(re.test("recept.")).toBe(true);
    expect(re.test("voor de receptie")).toBe(false);
    expect(re.test("de nieuwsbrief")).toBe(true);
    expect(re.test("hernieuwd")).toBe(false);
    expect(re.test("Elke-medewerker moet")).toBe(true);
    expect(re.test("elke dinsdag")).toBe(false);
  });
});

describe("context word lists", () => {
  it("adds the words of context.lists and context.excludeLists to the rule's own", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "avg-rules-"));
    mkdirSync(path.join(dir, "acme"));
    mkdirSync(path.join(dir, "lists"));
    writeFileSync(path.join(dir, "lists", "persons.txt"), "# who\nmedewerker\nher$\n");
    writeFileSync(path.join(dir, "lists", "news.txt"), "nieuws\n");
    writeFileSync(path.join(dir, "acme", "health.yaml"), `
id: acme.health
category: health
classification: special
terms: { words: [migraine] }
confidence: low
context: { words: [patiënt], lists: [lists/persons.txt], excludeLists: [lists/news.txt], confidence: medium }
examples: { match: ["migraine"], no-match: ["hoofdpijn"] }
`);
    const context = loadRuleSet([dir]).rules[0].context!;
    expect(["patiënt", "De medewerker", "for her", "de herkenning"].map((t) => context.words.test(t))).toEqual([true, true, true, false]);
    expect(context.exclude!.test("in het nieuwsbericht")).toBe(true);
  });
});

describe("term lists", () => {
  it("parses comments and blank lines, and matches whole words only", () => {
    expect(parseTermList("# bron: test\nastma\n\n  diabetes type 2 # comment\n")).toEqual(["astma", "diabetes type 2"]);
    const re = termsRegex(["astma", "diabetes type 2"], false);
    expect("Astma en Diabetes  type 2".match(re)).toEqual(["Astma", "Diabetes  type 2"]);
    expect("astmatisch".match(re)).toBeNull();
  });

  it("with plurals, lets terms take a plural ending", () => {
    const re = termsRegex(["atheist", "homo", "hiv"], false, false, true);
    expect("Atheists, homo's, vakbondsleden en hiv".match(re)).toEqual(["Atheists", "homo's", "hiv"]);
    expect("atheistisch".match(re)).toBeNull();
    expect("atheists".match(termsRegex(["atheist"], false))).toBeNull();
  });
});

describe("pattern lists", () => {
  it("expands {{name}} into an escaped alternation of a list file, longest entry first", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "avg-rules-"));
    mkdirSync(path.join(dir, "acme"));
    mkdirSync(path.join(dir, "lists"));
    writeFileSync(path.join(dir, "lists", "voornamen.txt"), "# bron: test\nJan\nJan-Willem\nA.J.\n");
    writeFileSync(path.join(dir, "acme", "names.yaml"), `
id: acme.names
category: name
classification: generic
lists: { voornaam: lists/voornamen.txt }
patterns: [{ name: first-last, regex: '(?<!\\p{L})(?:{{voornaam}}) \\p{Lu}\\p{Ll}+' }]
confidence: medium
examples: { match: ["Jan-Willem Bakker"], no-match: ["jan bakker"] }
`);
    const [rule] = loadRuleSet([dir]).rules;
    expect(rule.matchers[0].regex.source).toContain("(?:Jan-Willem|A\\.J\\.|Jan)");
    expect("Groeten, Jan-Willem Bakker".match(rule.matchers[0].regex)?.[0]).toBe("Jan-Willem Bakker");
    writeFileSync(path.join(dir, "acme", "names.yaml"), readFileSync(path.join(dir, "acme", "names.yaml"), "utf8").replace("{{voornaam}}", "{{achternaam}}"));
    expect(() => loadRuleSet([dir])).toThrow(/patterns\[0\]\.regex: \{\{achternaam\}\} names no list/);
  });

  it("expands {{name}} in keywords to the first word of every entry, lower-cased", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "avg-rules-"));
    mkdirSync(path.join(dir, "acme"));
    mkdirSync(path.join(dir, "lists"));
    writeFileSync(path.join(dir, "lists", "groepen.txt"), "Hmong\nSri Lankaans\n");
    const yaml = (keywords: string) => `
id: acme.groups
category: ethnicity
classification: special
lists: { group: lists/groepen.txt }
keywords: [${keywords}]
patterns: [{ name: is, regex: 'is (?:{{group}})' }]
confidence: medium
examples: { match: ["hij is Hmong"], no-match: ["hij is Thais"] }
`;
    writeFileSync(path.join(dir, "acme", "groups.yaml"), yaml('"{{group}}", afkomst'));
    expect(loadRuleSet([dir]).rules[0].keywordList).toEqual(["afkomst", "hmong", "sri"]);
    writeFileSync(path.join(dir, "acme", "groups.yaml"), yaml('"{{groups}}"'));
    expect(() => loadRuleSet([dir])).toThrow(/keywords: \{\{groups\}\} is not one of the rule's lists/);
  });
});

describe("scope, note and child", () => {
  it("reads scope and note, and refuses a child flag without a date validator", () => {
    const rule = compileRule("/rules", "acme/member-number.yaml", `${GOOD}scope: filename\nnote: "documenttype: test"\n`);
    expect(rule).toMatchObject({ scope: "filename", note: "documenttype: test" });
    expect(problem(`${GOOD}child: { under: 16, note: kind }\n`)).toMatch(/child: needs validator: date/);
    expect(problem(`${GOOD}scope: everywhere\n`)).toMatch(/scope: "everywhere" is not one of content, filename, both/);
  });
});
