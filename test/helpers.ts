// Small builders shared by the tests: a rule from inline YAML, text units, a folder of files.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { compileRule } from "../src/ruleset/load.js";
import type { CompiledRule } from "../src/ruleset/types.js";
import type { TextUnit } from "../src/model/types.js";

/** Compiles a rule written inline; `id` decides the pretend path (test.x → test/x.yaml). */
export function ruleFromYaml(yaml: string, id = "test.rule"): CompiledRule {
  return compileRule("/nonexistent-rules", `${id.split(".").join("/")}.yaml`, yaml);
}

export const prose = (text: string, line = 1): TextUnit => ({ text, kind: "prose", loc: { line } });

export const cell = (text: string, header: string | undefined, column: number, row: number): TextUnit => ({
  text,
  kind: "cell",
  loc: { row, field: header ?? `#${column + 1}` },
  table: { column, header },
});

export const headerCell = (text: string, column: number): TextUnit => ({
  text,
  kind: "header",
  loc: { row: 1, field: text },
  table: { column, header: text },
});

/** A fresh temporary folder holding `files` (relative path → content). */
export function makeShare(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "avg-share-"));
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}
