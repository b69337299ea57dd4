// `avg-scan rules ...`: work with rule folders. `test` runs a folder's own examples (for
// people writing rules), `eval` measures precision and recall on a labelled corpus, `list`
// shows what is loaded.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { Command, Option } from "commander";
import type { Confidence } from "../model/types.js";
import { BUILTIN_RULES_DIR, loadRuleSet } from "../ruleset/load.js";
import { checkRuleExamples } from "../ruleset/examples.js";
import { describeTrace, evaluate, explainText, loadCorpus, renderEvalTable } from "../ruleset/evaluate.js";
import { collect } from "./parse.js";
import { EXIT } from "./errors.js";

function testRules(dirs: string[], flags: { builtin?: boolean }): number {
  // Loaded together with the built-in rules, so an id that clashes is an error here too.
  const wanted = new Set(dirs.map((d) => path.resolve(d)));
  // A folder inside the built-in rules (rules/health) is tested from the built-in root, where
  // its rule ids and list paths are relative to.
  const builtin = path.resolve(BUILTIN_RULES_DIR);
  const insideBuiltin = (d: string) => d === builtin || d.startsWith(builtin + path.sep);
  const own = [...wanted].filter((d) => !insideBuiltin(d));
  const withBuiltin = (flags.builtin !== false && own.length > 0) || own.length < wanted.size;
  const ruleSet = loadRuleSet(withBuiltin ? [BUILTIN_RULES_DIR, ...own] : own, { thorough: true });
  const tested = ruleSet.rules.filter((r) => [...wanted].some((d) => path.resolve(r.file).startsWith(d + path.sep)));
  let failures = 0;
  let examples = 0;
  for (const rule of tested) {
    examples += rule.examples.match.length + rule.examples.noMatch.length;
    const failed = checkRuleExamples(rule);
    failures += failed.length;
    for (const f of failed) process.stdout.write(`✗ ${f.ruleId} (${f.file}) ${f.kind}[${f.index}]: ${f.message}\n`);
  }
  process.stdout.write(`${tested.length} rules, ${examples} examples: ${examples - failures} passed, ${failures} failed\n`);
  return failures > 0 ? EXIT.FOUND : EXIT.OK;
}

interface EvalFlags {
  rules?: string[];
  batch?: string[];
  minConfidence: Confidence;
  output?: string;
  errors?: boolean;
}

function evalCorpus(dir: string, flags: EvalFlags): number {
  const ruleSet = loadRuleSet([BUILTIN_RULES_DIR, ...(flags.rules ?? [])]);
  const result = evaluate(ruleSet.rules, loadCorpus(dir, flags.batch), flags.minConfidence);
  process.stdout.write(renderEvalTable(result));
  if (flags.errors) {
    process.stdout.write("\n");
    for (const e of result.errors) {
      process.stdout.write(`${e.kind.toUpperCase()} ${e.category} ${e.file}#${e.index}${e.header ? ` [${e.header}]` : ""}: ${e.text}\n`);
      for (const line of e.why) process.stdout.write(`    ${line}\n`);
    }
  }
  if (flags.output) writeFileSync(flags.output, `${JSON.stringify({ rulesetHash: ruleSet.hash, ...result }, null, 2)}\n`);
  return EXIT.OK;
}

/** `rules explain`: every candidate match in one text and why it was kept or dropped. */
function explain(text: string, flags: { rules?: string[]; header?: string }): number {
  const ruleSet = loadRuleSet([BUILTIN_RULES_DIR, ...(flags.rules ?? [])]);
  const trace = explainText(ruleSet.rules, text, flags.header);
  for (const t of trace) process.stdout.write(`${describeTrace(t, text)}\n`);
  if (trace.length === 0) process.stdout.write("no rule matched\n");
  return EXIT.OK;
}

function listRules(flags: { rules?: string[] }): number {
  const ruleSet = loadRuleSet([BUILTIN_RULES_DIR, ...(flags.rules ?? [])]);
  const width = Math.max(...ruleSet.rules.map((r) => r.id.length)) + 2;
  for (const r of ruleSet.rules) {
    process.stdout.write(`${r.id.padEnd(width)}${r.category.padEnd(20)}${r.classification.padEnd(9)}${r.confidence.padEnd(8)}${r.scope}\n`);
  }
  process.stdout.write(`${ruleSet.rules.length} rules (hash ${ruleSet.hash})\n`);
  return EXIT.OK;
}

export function rulesCommand(setExitCode: (code: number) => void): Command {
  const rules = new Command("rules").description("test, measure and list detection rules");
  rules
    .command("test")
    .description("run the match/no-match examples of the rules in these folders (exit 1 on a failure)")
    .argument("<dirs...>", "rule folders")
    .option("--no-builtin", "do not load the built-in rules next to them")
    .action((dirs: string[], flags: { builtin?: boolean }) => setExitCode(testRules(dirs, flags)));
  rules
    .command("eval")
    .description("measure precision and recall per category on a labelled corpus (see test/corpus/README.md)")
    .argument("<corpus>", "folder of corpus YAML files")
    .option("--rules <dir>", "extra rule folder (repeatable)", collect)
    .option("--batch <glob>", "only these batch files, e.g. 'holdout4-*' (repeatable)", collect)
    .addOption(new Option("--min-confidence <level>", "lowest confidence that counts").choices(["low", "medium", "high"]).default("medium"))
    .option("-o, --output <file>", "also write the result as JSON")
    .option("--errors", "list every false positive and false negative")
    .action((dir: string, flags: EvalFlags) => setExitCode(evalCorpus(dir, flags)));
  rules
    .command("explain")
    .description("show every rule match in a text and why it was kept or dropped (for rule authors; prints the text's values)")
    .argument("<text>", "the text, e.g. a sentence or a cell value")
    .option("--header <header>", "score the text as a cell under this column header")
    .option("--rules <dir>", "extra rule folder (repeatable)", collect)
    .action((text: string, flags: { rules?: string[]; header?: string }) => setExitCode(explain(text, flags)));
  rules
    .command("list")
    .description("list the loaded rules")
    .option("--rules <dir>", "extra rule folder (repeatable)", collect)
    .action((flags: { rules?: string[] }) => setExitCode(listRules(flags)));
  return rules;
}
