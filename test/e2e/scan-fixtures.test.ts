// End to end: the built CLI on the generated fixtures, checked against the shared contract
// (JSON schema and check-report.mjs) and against what the fixture script says it planted.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { ScanReport } from "../../src/model/types.js";
import { CATEGORY_CLASSIFICATION } from "../../src/model/types.js";
import { REPO, SHARED, runCli } from "./cli.js";

interface Expected {
  files: Record<string, { format: string; status: string; classification: string; code?: string; categories?: string[] }>;
  planted: { path: string; category: string; value: string }[];
}

const expected: Expected = JSON.parse(readFileSync(path.join(REPO, "fixtures/expected/expected.json"), "utf8"));
const out = mkdtempSync(path.join(tmpdir(), "avg-e2e-"));
const reportFile = path.join(out, "r.json");
let reportBytes: string;
let report: ScanReport;
let exitStatus: number | null;

beforeAll(() => {
  const r = runCli(["scan", "fixtures", "--format", "json", "--output", reportFile]);
  exitStatus = r.status;
  if (r.status !== 0) throw new Error(`scan failed (${r.status}): ${r.stderr}`);
  reportBytes = readFileSync(reportFile, "utf8");
  report = JSON.parse(reportBytes);
}, 120_000);

describe("avg-scan scan fixtures --format json", () => {
  it("exits 0 although some fixtures are corrupt, encrypted or bombs", () => {
    expect(exitStatus).toBe(0);
  });

  it("validates against the shared JSON schema", () => {
    const schema = JSON.parse(readFileSync(path.join(SHARED, "contract/report.schema.json"), "utf8"));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
    const validate = ajv.compile(schema);
    const ok = validate(report);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("passes the shared check-report tool, with every planted value absent", () => {
    const raws = expected.planted.flatMap((p) => ["--raw", p.value]);
    const r = spawnSync(process.execPath, [path.join(SHARED, "tools/check-report.mjs"), reportFile, ...raws], { encoding: "utf8" });
    expect(r.stdout).toMatch(/^ok: \d+ files/m);
    expect(r.status).toBe(0);
  });

  it("has exactly the expected entries, each with its format, status, code and classification", () => {
    const got = Object.fromEntries(report.files.map((f) => [f.path, { format: f.format, status: f.status, classification: f.classification, code: f.error?.code }]));
    const want = Object.fromEntries(
      Object.entries(expected.files).map(([p, e]) => [p, { format: e.format, status: e.status, classification: e.classification, code: e.code }]),
    );
    expect(got).toEqual(want);
  });

  it("finds every category the fixture script planted where it must be found", () => {
    for (const [p, e] of Object.entries(expected.files)) {
      const file = report.files.find((f) => f.path === p)!;
      const found = new Set(file.findings.map((f) => f.category));
      for (const c of e.categories ?? []) expect(found.has(c as never), `${p} should have ${c}`).toBe(true);
    }
  });

  it("finds every planted special item in every file it can read", () => {
    // An encrypted file's BSN cannot be found; that file must say ENCRYPTED instead (checked above).
    const special = expected.planted.filter(
      (p) => CATEGORY_CLASSIFICATION[p.category as keyof typeof CATEGORY_CLASSIFICATION] === "special" && expected.files[p.path]?.status === "scanned",
    );
    expect(special.length).toBeGreaterThan(0);
    for (const p of special) {
      const file = report.files.find((f) => f.path === p.path);
      expect(file?.findings.some((f) => f.category === p.category), `${p.path}: ${p.category}`).toBe(true);
    }
  });

  it("never writes a planted raw value into the report, in any spelling we normalise to", () => {
    for (const p of expected.planted) {
      expect(reportBytes.includes(p.value), `${p.category} in ${p.path}`).toBe(false);
      const compact = p.value.replace(/[\s.\-/]/g, "");
      if (compact.length >= 6) expect(reportBytes.includes(compact), `${p.category} (compact) in ${p.path}`).toBe(false);
    }
  });

  it("gives masked samples and locations that fit the format", () => {
    const findings = report.files.flatMap((f) => f.findings.map((x) => ({ f, x })));
    expect(findings.length).toBeGreaterThan(0);
    for (const { f, x } of findings) {
      for (const s of x.samples) expect(s).toMatch(/^\*+[^*]{0,2}$/);
      expect(x.locations.length).toBeGreaterThan(0);
      for (const loc of x.locations) {
        if (f.format === "xlsx") expect(loc).toHaveProperty("cell");
        if (f.format === "pdf") expect(loc).toHaveProperty("page");
        if (f.format === "csv") expect(loc).toHaveProperty("row");
      }
    }
  });

  it("is deterministic: a second scan gives the same bytes bar the timestamps", () => {
    const second = path.join(out, "r2.json");
    const r = runCli(["scan", "fixtures", "--format", "json", "--output", second, "--jobs", "1"]);
    expect(r.status).toBe(0);
    const strip = (s: string) => s.replace(/"(startedAt|finishedAt)": "[^"]+"/g, "");
    expect(strip(readFileSync(second, "utf8"))).toBe(strip(reportBytes));
  }, 120_000);
});
