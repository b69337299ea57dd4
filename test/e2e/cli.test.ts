// The command line as a user meets it: summary language, help, exit codes, extra rules.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeShare } from "../helpers.js";
import { runCli } from "./cli.js";

const T = 120_000;

describe("avg-scan scan (text summary)", () => {
  it("prints a Dutch summary by default and an English one with --lang en", () => {
    const nl = runCli(["scan", "fixtures"]);
    expect(nl.status).toBe(0);
    expect(nl.stdout).toContain("Bestanden per classificatie");
    expect(nl.stdout).toMatch(/bijzonder\s+\d+/);
    expect(nl.stdout).toContain("Bestanden met bijzondere persoonsgegevens");
    expect(nl.stdout).toContain("Mislukt of overgeslagen");
    expect(nl.stdout).toContain("kapot/beveiligd.pdf");
    expect(nl.stdout).not.toMatch(/\u001b\[/); // NO_COLOR
    const en = runCli(["scan", "fixtures", "--lang", "en"]);
    expect(en.stdout).toContain("Files per classification");
    expect(en.stdout).toMatch(/special\s+\d+/);
  }, T);

  it("writes JSON to stdout without --output, with the summary on stderr (none with --quiet)", () => {
    const dir = makeShare({ "brief.txt": "Uw BSN is 111222333.\n" });
    const r = runCli(["scan", dir, "--format", "json"]);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.files[0]).toMatchObject({ path: "brief.txt", classification: "special" });
    expect(r.stdout).not.toContain("111222333");
    expect(r.stderr).toContain("Bestanden per classificatie");
    const quiet = runCli(["scan", dir, "--format", "json", "--quiet"]);
    expect(quiet.stderr).toBe("");
  }, T);

  it("takes the format from the --output file's extension unless --format is given", () => {
    const dir = makeShare({ "brief.txt": "Uw BSN is 111222333.\n" });
    const out = makeShare({});
    runCli(["scan", dir, "-q", "-o", path.join(out, "r.json")]);
    expect(JSON.parse(readFileSync(path.join(out, "r.json"), "utf8")).files[0].classification).toBe("special");
    runCli(["scan", dir, "-q", "-o", path.join(out, "r.sarif")]);
    expect(JSON.parse(readFileSync(path.join(out, "r.sarif"), "utf8")).version).toBe("2.1.0");
    runCli(["scan", dir, "-q", "--format", "text", "-o", path.join(out, "explicit.json")]);
    expect(readFileSync(path.join(out, "explicit.json"), "utf8")).toMatch(/^avg-scan/);
    runCli(["report", path.join(out, "r.json"), "-o", path.join(out, "r.md")]);
    expect(readFileSync(path.join(out, "r.md"), "utf8")).toMatch(/^# /);
  }, T);

  it("does not change what it scans", () => {
    const dir = makeShare({ "leden.csv": "naam;email\nJan;jan@example.nl\n" });
    const file = path.join(dir, "leden.csv");
    const before = statSync(file);
    const r = runCli(["scan", dir, "--format", "json", "--quiet"]);
    expect(r.status).toBe(0);
    const after = statSync(file);
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(after.size).toBe(before.size);
    expect(readFileSync(file, "utf8")).toBe("naam;email\nJan;jan@example.nl\n");
  }, T);
});

describe("exit codes and usage", () => {
  it("shows help with examples, and the version", () => {
    const help = runCli(["scan", "--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("--min-confidence");
    expect(help.stdout).toContain("Examples:");
    const version = runCli(["--version"]);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  }, T);

  it.each([
    [["scan"], /give the files and folders to scan, or --files-from/],
    [["scan", "fixtures", "--format", "docx"], /Allowed choices are/],
    [["scan", "fixtures", "--max-file-size", "veel"], /is not a size/],
    [["scan", "bestaat/niet"], /path not found: bestaat\/niet/],
    [["scan", "fixtures", "--bogus"], /unknown option/],
  ])("exits 2 on %j", (args, message) => {
    const r = runCli(args as string[]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  }, T);

  it("exits 2 on a broken rule file, naming the file and the field", () => {
    const rules = makeShare({ "acme/kapot.yaml": "id: acme.kapot\ncategory: shoe-size\nclassification: generic\npatterns: [{name: x, regex: x}]\nconfidence: low\nexamples: {match: [x], no-match: [y]}\n" });
    const r = runCli(["scan", "fixtures", "--rules", rules]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/acme\/kapot\.yaml: category: unknown category "shoe-size"/);
  }, T);
});

describe("--rules adds a user's rule folder", () => {
  it("detects with the extra rule next to the built-in ones", () => {
    const rules = makeShare({
      "acme/member-number.yaml": [
        "id: acme.member-number",
        "category: id-document-number",
        "classification: special",
        "patterns: [{ name: pass, regex: 'PAS-\\d{6}' }]",
        "confidence: medium",
        "examples: { match: ['PAS-123456'], no-match: ['PAS-12'] }",
        "",
      ].join("\n"),
    });
    const dir = makeShare({ "notitie.txt": "Pasnummer PAS-123456 ontvangen.\n" });
    const without = JSON.parse(runCli(["scan", dir, "--format", "json", "--quiet"]).stdout);
    expect(without.files[0].classification).toBe("none");
    const r = runCli(["scan", dir, "--format", "json", "--quiet", "--rules", rules]);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.files[0].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(["acme.member-number"]);
    expect(report.files[0].classification).toBe("special");
  }, T);
});

describe("avg-scan rules", () => {
  const rule = (example: string) =>
    [
      "id: acme.member-number",
      "category: id-document-number",
      "classification: special",
      "patterns: [{ name: pass, regex: 'PAS-\\d{6}' }]",
      "confidence: medium",
      `examples: { match: ['${example}'], no-match: ['PAS-12'] }`,
      "",
    ].join("\n");

  it("test: runs a folder's examples; exit 0 when they hold, 1 with the failure when not", () => {
    const good = runCli(["rules", "test", makeShare({ "acme/member-number.yaml": rule("PAS-123456") })]);
    expect(good.status).toBe(0);
    expect(good.stdout).toContain("1 rules, 2 examples: 2 passed, 0 failed");
    const bad = runCli(["rules", "test", makeShare({ "acme/member-number.yaml": rule("PAS-12345") })]);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/acme\.member-number .* match\[0\]: "PAS-12345" was not found/);
  }, T);

  it("test: the built-in rules pass their own examples", () => {
    const r = runCli(["rules", "test", "rules"]);
    expect(r.stdout).toMatch(/ 0 failed/);
    expect(r.status).toBe(0);
  }, T);

  it("test: a family folder of the built-in rules is tested on its own", () => {
    const r = runCli(["rules", "test", "rules/genetic"]);
    expect(r.status).toBe(0);
    const count = Number(/^(\d+) rules,/m.exec(r.stdout)?.[1]);
    expect(count).toBeGreaterThan(3);
    expect(count).toBeLessThan(30);
    expect(r.stdout).toMatch(/ 0 failed/);
  }, T);

  it("eval: prints precision and recall per category for a corpus", () => {
    const corpus = makeShare({
      "mini.yaml": [
        "lang: nl",
        "items:",
        "  - { text: 'Mijn BSN is 111222333.', expect: [bsn] }",
        "  - { text: 'Ordernummer 123456789.', expect: [], tags: [checksum-fail] }",
        "  - { text: 'Mail jan@example.nl', expect: [email] }",
        "",
      ].join("\n"),
    });
    const r = runCli(["rules", "eval", corpus]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("corpus: 3 items (nl 3)");
    expect(r.stdout).toMatch(/^bsn\s+1\s+1\s+0\s+0\s+1\.000\s+1\.000$/m);
    expect(r.stdout).toMatch(/^email\s+1\s+1\s+0\s+0\s+1\.000\s+1\.000$/m);
  }, T);

  it("eval --errors: lists each miss with what the rules did with it", () => {
    const corpus = makeShare({
      "mini.yaml": ["lang: nl", "items:", "  - { text: 'Pas PAS-12345 gevonden.', expect: [id-document-number] }", ""].join("\n"),
    });
    const rules = makeShare({ "acme/member-number.yaml": rule("PAS-123456") });
    const r = runCli(["rules", "eval", corpus, "--rules", rules, "--errors"]);
    expect(r.stdout).toContain("FN id-document-number mini.yaml#0: Pas PAS-12345 gevonden.");
    // the corpus's miss: the pattern wants six digits, so no candidate at all
    expect(r.stdout).not.toMatch(/^\s+acme\.member-number/m);
  }, T);

  it("explain: shows every candidate and why it was kept or dropped", () => {
    const kept = runCli(["rules", "explain", "Het BSN van Jan is 111222333."]);
    expect(kept.status).toBe(0);
    expect(kept.stdout).toMatch(/^nl\.bsn\/\S+ "111222333" high \(validator elfproef, context bsn\)$/m);
    const dropped = runCli(["rules", "explain", "Ordernummer 111222334"]);
    expect(dropped.stdout).toMatch(/^nl\.bsn\/\S+ "111222334" invalid \(elfproef\)$/m);
    const excluded = runCli(["rules", "explain", "Mevrouw heeft diabetes, schreef het nieuwsbericht."]);
    expect(excluded.stdout).toMatch(/^health\.\S+ "diabetes" excluded \(nieuws\p{L}*\)$/mu);
    expect(runCli(["rules", "explain", "niets hier"]).stdout).toBe("no rule matched\n");
  }, T);
});
