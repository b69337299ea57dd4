// avg-scan as a CI job (issue #5), end to end through the built CLI: exit codes with
// --fail-on, SARIF that validates against the official SARIF 2.1.0 schema, a baseline that
// suppresses exactly the accepted findings (by region, so moved rows stay known), the keyed
// variant that tells a replaced value, allowances from the config file, --files-from.
import { createHash, createHmac } from "node:crypto";
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import Ajv from "ajv-draft-04";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import { runCli } from "./cli.js";

const T = 120_000;
const require = createRequire(import.meta.url);
// The official SARIF 2.1.0 schema (OASIS, rtm.5) as Microsoft ships it in @microsoft/jest-sarif.
const SARIF_SCHEMA = JSON.parse(readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8"));
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv) => Ajv;
// The schema has a pattern that is not valid with the u flag; it is meant as a plain regex.
const ajv = addFormats(new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }));
const validateSarif = ajv.compile(SARIF_SCHEMA);

// BSNs that pass the 11-check (made up for the test).
const BSN = ["111222333", "123456782", "100000009", "999999990"];

interface SarifResult {
  ruleId: string;
  level: string;
  baselineState?: string;
  suppressions?: unknown[];
  partialFingerprints: Record<string, string>;
  message: { text: string };
  properties: { category: string; classification: string; region: string; count: number; newCount?: number };
  locations: { physicalLocation: { artifactLocation: { uri: string } }; logicalLocations?: { name: string }[] }[];
}

function exportDir(rows: string[][] = [["K-1001", "Utrecht", BSN[0]], ["K-1002", "Zwolle", BSN[1]]]): string {
  const dir = mkdtempSync(path.join(tmpdir(), "avg-ci-"));
  mkdirSync(path.join(dir, "export"));
  writeFileSync(path.join(dir, "export", "klanten.csv"), ["klantnummer;plaats;bsn", ...rows.map((r) => r.join(";"))].join("\n") + "\n");
  writeFileSync(path.join(dir, "export", "README.txt"), "Nachtelijke export uit het CRM.\n");
  return dir;
}

const results = (sarifText: string): SarifResult[] => JSON.parse(sarifText).runs[0].results;

describe("exit codes", () => {
  it("0 with --fail-on none (the default), 1 with findings at the level, 0 above the level", () => {
    const dir = exportDir();
    expect(runCli(["scan", path.join(dir, "export"), "-q"]).status).toBe(0);
    const special = runCli(["scan", path.join(dir, "export"), "-q", "--fail-on", "special"]);
    expect(special.status).toBe(1);
    expect(special.stderr).toContain("avg-scan: 2 vondsten boven --fail-on special:");
    expect(special.stderr).toContain("klanten.csv  nl.bsn  column bsn  2×");
    expect(special.stderr).not.toContain(BSN[0]);
    const clean = mkdtempSync(path.join(tmpdir(), "avg-ci-clean-"));
    writeFileSync(path.join(clean, "x.csv"), "plaats;aantal\nUtrecht;3\n");
    expect(runCli(["scan", clean, "-q", "--fail-on", "generic"]).status).toBe(0);
  }, T);

  it("2 for wrong usage, a broken config or a broken baseline, also with findings", () => {
    const dir = exportDir();
    expect(runCli(["scan", path.join(dir, "export"), "--fail-on", "always"]).status).toBe(2);
    expect(runCli(["scan", path.join(dir, "nope"), "--fail-on", "special"]).status).toBe(2);
    writeFileSync(path.join(dir, "bad.yaml"), "failOn: sometimes\n");
    const bad = runCli(["scan", path.join(dir, "export"), "--config", path.join(dir, "bad.yaml")]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("/failOn: must be one of none, generic, special");
    writeFileSync(path.join(dir, "base.json"), "{}");
    const badBase = runCli(["scan", path.join(dir, "export"), "--baseline", path.join(dir, "base.json"), "--fail-on", "special"]);
    expect(badBase.status).toBe(2);
    expect(badBase.stderr).toContain("is not an avg-scan baseline");
  }, T);

  it("documents the three exit codes in --help", () => {
    const help = runCli(["scan", "--help"]).stdout;
    expect(help).toMatch(/0 {2}no finding at or above --fail-on/);
    expect(help).toMatch(/1 {2}findings at or above --fail-on/);
    expect(help).toMatch(/2 {2}wrong usage/);
  });
});

describe("SARIF", () => {
  it("validates against the SARIF 2.1.0 schema, with a rule per rule id and masked messages only", () => {
    const r = runCli(["scan", "fixtures", "--format", "sarif", "-q"]);
    expect(r.status).toBe(0);
    expect(validateSarif(JSON.parse(r.stdout)), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
    const run = JSON.parse(r.stdout).runs[0];
    const ids = run.tool.driver.rules.map((x: { id: string }) => x.id);
    expect(ids).toContain("nl.bsn");
    expect(new Set(ids).size).toBe(ids.length);
    const bsnRule = run.tool.driver.rules.find((x: { id: string }) => x.id === "nl.bsn");
    expect(bsnRule.properties).toMatchObject({ category: "bsn", classification: "special" });
    expect(bsnRule.defaultConfiguration.level).toBe("error");
    for (const res of run.results as SarifResult[]) {
      expect(run.tool.driver.rules[(res as unknown as { ruleIndex: number }).ruleIndex].id).toBe(res.ruleId);
      expect(res.partialFingerprints["avgScanRegion/v1"]).toMatch(/^[0-9a-f]{32}$/);
    }
    const xlsx = (run.results as SarifResult[]).find((x) => x.locations[0].physicalLocation.artifactLocation.uri === "fixtures/financien/donateurs.xlsx")!;
    expect(xlsx.locations[0].logicalLocations![0].name).toMatch(/blad .+, cel [A-Z]+\d+/);
    const member = (run.results as SarifResult[]).find((x) => x.locations[0].physicalLocation.artifactLocation.uri === "fixtures/exports/export-2024.zip")!;
    expect(member.locations[0].logicalLocations![0].name).toMatch(/^leden-export\.csv/);
    const failed = run.invocations[0].toolExecutionNotifications.map((n: { descriptor: { id: string } }) => n.descriptor.id).sort();
    expect(failed).toEqual(["BINARY", "CORRUPT", "CORRUPT", "ENCRYPTED", "ZIP_BOMB"]);
    const expected = JSON.parse(readFileSync("fixtures/expected/expected.json", "utf8")) as { planted: { value: string }[] };
    for (const p of expected.planted) expect(r.stdout.includes(p.value), p.value).toBe(false);
  }, T);

  it("is deterministic and can be rendered again from a saved JSON report", () => {
    const dir = exportDir();
    const strip = (t: string) => t.replace(/"(startTimeUtc|endTimeUtc)": "[^"]+"/g, "");
    const a = runCli(["scan", path.join(dir, "export"), "-f", "sarif", "-q", "--jobs", "1"]).stdout;
    const b = runCli(["scan", path.join(dir, "export"), "-f", "sarif", "-q"]).stdout;
    expect(strip(a)).toBe(strip(b));
    writeFileSync(path.join(dir, "r.json"), runCli(["scan", path.join(dir, "export"), "-f", "json", "-q"]).stdout);
    const again = runCli(["report", path.join(dir, "r.json"), "-f", "sarif"]);
    expect(again.status).toBe(0);
    expect(validateSarif(JSON.parse(again.stdout))).toBe(true);
    expect(results(again.stdout).map((x) => x.partialFingerprints)).toEqual(results(a).map((x) => x.partialFingerprints));
  }, T);

  it("keeps the fingerprint of a result when rows move", () => {
    const dir = exportDir();
    const file = path.join(dir, "export", "klanten.csv");
    const first = results(runCli(["scan", path.join(dir, "export"), "-f", "sarif", "-q"]).stdout);
    writeFileSync(file, `klantnummer;plaats;bsn\nK-0999;Assen;\nK-1002;Zwolle;${BSN[1]}\nK-1001;Utrecht;${BSN[0]}\n`);
    const second = results(runCli(["scan", path.join(dir, "export"), "-f", "sarif", "-q"]).stdout);
    const fp = (rs: SarifResult[]) => rs.filter((x) => x.ruleId === "nl.bsn").map((x) => x.partialFingerprints["avgScanRegion/v1"]);
    expect(fp(first)).toHaveLength(1);
    expect(fp(second)).toEqual(fp(first));
  }, T);
});

describe("baseline", () => {
  it("plays a CI run: accepted today, a BSN added tomorrow is exactly one new result and exit 1", () => {
    const dir = exportDir();
    const base = path.join(dir, ".avgscan-baseline.json");
    const rec = runCli(["scan", path.join(dir, "export"), "--baseline-out", base, "-q"]);
    expect(rec.status).toBe(0);
    const same = runCli(["scan", path.join(dir, "export"), "--baseline", base, "--fail-on", "generic", "-f", "sarif"]);
    expect(same.status).toBe(0);
    expect(same.stderr).toContain("Baseline: 2 bekende vondsten onderdrukt, 0 nieuw");
    expect(results(same.stdout).every((x) => x.baselineState === "unchanged" && x.suppressions?.length === 1)).toBe(true);

    appendFileSync(path.join(dir, "export", "klanten.csv"), `K-1003;Assen;${BSN[2]}\n`);
    const next = runCli(["scan", path.join(dir, "export"), "--baseline", base, "--fail-on", "special", "-f", "sarif", "-o", path.join(dir, "r.sarif")]);
    expect(next.status).toBe(1);
    const rs = results(readFileSync(path.join(dir, "r.sarif"), "utf8"));
    const fresh = rs.filter((x) => x.baselineState !== "unchanged");
    expect(fresh).toHaveLength(1);
    expect(fresh[0]).toMatchObject({ ruleId: "nl.bsn", baselineState: "updated", properties: { count: 3, newCount: 1 } });
    expect(fresh[0].suppressions).toBeUndefined();
    expect(next.stderr).toContain("klanten.csv  nl.bsn  column bsn  1×");
  }, T);

  it("does not call an old finding new when its row moves, and reports and prunes what is gone", () => {
    const dir = exportDir();
    const base = path.join(dir, "b.json");
    const file = path.join(dir, "export", "klanten.csv");
    expect(runCli(["scan", path.join(dir, "export"), "--baseline-out", base, "-q"]).status).toBe(0);
    writeFileSync(file, `klantnummer;plaats;bsn\nK-0999;Assen;\nK-1002;Zwolle;${BSN[1]}\nK-1001;Utrecht;${BSN[0]}\n`);
    expect(runCli(["scan", path.join(dir, "export"), "--baseline", base, "--fail-on", "special", "-q"]).status).toBe(0);
    writeFileSync(file, `klantnummer;plaats;bsn\nK-1002;Zwolle;${BSN[1]}\n`);
    const gone = runCli(["scan", path.join(dir, "export"), "--baseline", base, "--fail-on", "special", "-f", "json"]);
    expect(gone.status).toBe(0);
    expect(JSON.parse(gone.stdout).baseline.stale).toEqual([{ file: "klanten.csv", rule: "nl.bsn", region: "column bsn", gone: 1 }]);
    expect(gone.stderr).toContain("1 vermelding is verouderd");
    const prune = runCli(["scan", path.join(dir, "export"), "--baseline", base, "--prune-baseline", "-q"]);
    expect(prune.status).toBe(0);
    expect(JSON.parse(readFileSync(base, "utf8")).entries).toEqual([{ file: "klanten.csv", rule: "nl.bsn", region: "column bsn", count: 1 }]);
  }, T);

  it("holds no value and no unkeyed hash of one; with a key, a replaced BSN counts as new", () => {
    const dir = exportDir();
    const base = path.join(dir, "b.json");
    const key = "ci-secret-for-the-test";
    expect(runCli(["scan", path.join(dir, "export"), "--baseline-out", base, "-q"], { AVGSCAN_BASELINE_KEY: key }).status).toBe(0);
    const text = readFileSync(base, "utf8");
    const b = JSON.parse(text);
    expect(b.keyCheck).toMatch(/^[0-9a-f]{16}$/);
    expect(b.entries[0].valueMacs).toHaveLength(2);
    for (const v of BSN.slice(0, 2)) {
      expect(text).not.toContain(v);
      for (const algo of ["md5", "sha1", "sha256", "sha512"]) {
        const hex = createHash(algo).update(v).digest("hex");
        expect(text).not.toContain(hex.slice(0, 16));
        expect(text).not.toContain(createHash(algo).update(v).digest("base64").slice(0, 16));
      }
      // The keyed hash under the right key is in it; nobody without the key can make it.
      expect(text).toContain(createHmac("sha256", key).update(v).digest("hex").slice(0, 32));
    }
    // Same count, other value: new with the key (1 new BSN), unnoticed by counts alone.
    writeFileSync(path.join(dir, "export", "klanten.csv"), `klantnummer;plaats;bsn\nK-1001;Utrecht;${BSN[0]}\nK-1002;Zwolle;${BSN[2]}\n`);
    const keyed = runCli(["scan", path.join(dir, "export"), "--baseline", base, "--fail-on", "special", "-q"], { AVGSCAN_BASELINE_KEY: key });
    expect(keyed.status).toBe(1);
    expect(keyed.stderr).toContain("nl.bsn  column bsn  1×");
    const counts = runCli(["scan", path.join(dir, "export"), "--baseline", base, "--fail-on", "special"], { AVGSCAN_BASELINE_KEY: "" });
    expect(counts.status).toBe(0);
    expect(counts.stderr).toContain("vergelijking op aantallen");
    const wrongKey = runCli(["scan", path.join(dir, "export"), "--baseline", base, "-q"], { AVGSCAN_BASELINE_KEY: "other" });
    expect(wrongKey.status).toBe(2);
    expect(wrongKey.stderr).toContain("is not the key this baseline was made with");
  }, T);
});

describe("configuration and changed files", () => {
  it("fails on a category an allowance does not name, and passes what it allows", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "avg-allow-"));
    mkdirSync(path.join(dir, "exports", "marketing"), { recursive: true });
    writeFileSync(path.join(dir, "exports", "marketing", "mailing.csv"), "naam;email\nJan Jansen;jan@example.nl\nPiet de Vries;piet@example.nl\n");
    const cfg = path.join(dir, "avg-scan.config.yaml");
    writeFileSync(cfg, "failOn: special\nallow:\n  - paths: ['exports/marketing/*.csv']\n    categories: [email, name]\n");
    const ok = runCli(["scan", dir, "--config", cfg, "-q"]);
    expect(ok.status).toBe(0);
    appendFileSync(path.join(dir, "exports", "marketing", "mailing.csv"), "Kees Klaas;06-12345678\n");
    const phone = runCli(["scan", dir, "--config", cfg, "-q"]);
    expect(phone.status).toBe(1);
    expect(phone.stderr).toContain("(niet toegestaan in dit pad)");
    expect(phone.stderr).toContain("nl.phone");
    // A flag overrides the file.
    expect(runCli(["scan", dir, "--config", cfg, "-q", "--fail-on", "none"]).status).toBe(0);
  }, T);

  it("takes include, exclude, disabled rules and the minimum confidence from the config", () => {
    const dir = exportDir();
    const cfg = path.join(dir, "c.yaml");
    writeFileSync(cfg, "disableRules: [nl.bsn]\nfailOn: special\nexclude: ['*.txt']\n");
    const r = runCli(["scan", path.join(dir, "export"), "--config", cfg, "-f", "json", "-q"]);
    const report = JSON.parse(r.stdout);
    expect(report.files.map((f: { path: string }) => f.path)).toEqual(["klanten.csv"]);
    expect(report.files[0].findings.some((f: { ruleId: string }) => f.ruleId === "nl.bsn")).toBe(false);
    writeFileSync(cfg, "disableRules: [nl.no-such-rule]\n");
    const bad = runCli(["scan", path.join(dir, "export"), "--config", cfg]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('no rule with the id "nl.no-such-rule"');
  }, T);

  it("scans only the files of --files-from, from a file or stdin", () => {
    const dir = exportDir();
    writeFileSync(path.join(dir, "export", "other.csv"), `bsn\n${BSN[3]}\n`);
    const list = path.join(dir, "changed.txt");
    writeFileSync(list, `${path.join(dir, "export", "README.txt")}\n${path.join(dir, "deleted-in-this-commit.csv")}\n`);
    const r = runCli(["scan", dir, "--files-from", list, "-f", "json", "-q", "--fail-on", "special"]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual(["export/README.txt"]);
  }, T);

  it("writes machine output on stdout and no colour or spinner in CI", () => {
    const dir = exportDir();
    const r = runCli(["scan", path.join(dir, "export"), "-f", "sarif"], { CI: "true", NO_COLOR: "", FORCE_COLOR: "" });
    expect(JSON.parse(r.stdout).version).toBe("2.1.0");
    expect(r.stderr).not.toMatch(/\u001b\[/);
    expect(r.stderr).toContain("Bestanden per classificatie");
  }, T);
});
