// `avg-scan register <report.json | paths...>`: the draft processing register (Art. 30) from
// a saved report or a fresh scan, as YAML, Markdown or a workbook (by the output's extension).
// When the output (or --previous) already holds a register, it is merged: found facts are
// updated, what a person filled in is kept, entries whose data is gone are marked.
import { existsSync, openSync, readSync, closeSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Command, Option } from "commander";
import { loadConfig } from "../config/config.js";
import type { Confidence, ScanReport } from "../model/types.js";
import { readReport } from "../model/read-report.js";
import type { Lang } from "../report/i18n.js";
import { buildRegister } from "../register/build.js";
import type { RegisterEntry } from "../register/fields.js";
import { mergeRegister } from "../register/merge.js";
import { readYamlEntries, renderMarkdown, renderYaml } from "../register/render.js";
import { readXlsxEntries, renderXlsx } from "../register/xlsx.js";
import { scan } from "../scan/scan.js";
import { EXIT, UsageError } from "./errors.js";
import { collect, parsePositiveInt } from "./parse.js";

interface RegisterFlags {
  output?: string;
  previous?: string;
  config?: string;
  lang: Lang;
  minConfidence: Confidence;
  rules?: string[];
  jobs?: number;
  quiet?: boolean;
}

type OutFormat = "yaml" | "md" | "xlsx";

function formatOf(file: string): OutFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".yaml" || ext === ".yml") return "yaml";
  if (ext === ".md" || ext === ".markdown") return "md";
  if (ext === ".xlsx") return "xlsx";
  throw new UsageError(`${file}: the register is written as .yaml, .md or .xlsx (by the file's extension)`);
}

/** A single argument that starts like an avg-scan JSON report is read as one; anything else is scanned. */
export function looksLikeReport(file: string): boolean {
  if (path.extname(file).toLowerCase() !== ".json" || !existsSync(file) || !statSync(file).isFile()) return false;
  const fd = openSync(file, "r");
  try {
    const head = Buffer.alloc(512);
    const n = readSync(fd, head, 0, head.length, 0);
    return /^\uFEFF?\s*\{\s*"schemaVersion"\s*:/.test(head.subarray(0, n).toString("utf8"));
  } finally {
    closeSync(fd);
  }
}

async function readPrevious(file: string): Promise<RegisterEntry[]> {
  const format = formatOf(file);
  if (format === "xlsx") return readXlsxEntries(file);
  if (format === "yaml") return readYamlEntries(readFileSync(file, "utf8"), file);
  throw new UsageError(`${file}: a Markdown register cannot be read back; give the .yaml or .xlsx register with --previous`);
}

const SUMMARY = {
  nl: (n: number, a: number, f: number, g: number, k: number) =>
    `Register: ${n} verwerkingen (${a} nieuw, ${f} gevonden, ${g} niet meer gevonden); ${k} ingevulde velden behouden`,
  en: (n: number, a: number, f: number, g: number, k: number) => `Register: ${n} entries (${a} new, ${f} found, ${g} no longer found); ${k} filled-in fields kept`,
};

async function runRegister(inputs: string[], flags: RegisterFlags): Promise<number> {
  const { config } = loadConfig(flags.config);
  let report: ScanReport;
  if (inputs.length === 1 && looksLikeReport(inputs[0])) {
    report = readReport(inputs[0]);
  } else {
    report = await scan({ roots: inputs, minConfidence: flags.minConfidence, rules: flags.rules, jobs: flags.jobs });
  }
  const format = flags.output ? formatOf(flags.output) : "yaml";
  const previousFile = flags.previous ?? (flags.output && format !== "md" && existsSync(flags.output) ? flags.output : undefined);
  const previous = previousFile ? await readPrevious(previousFile) : undefined;
  const { draft, stats } = mergeRegister(buildRegister(report, config, flags.lang), previous);

  const content = format === "xlsx" ? await renderXlsx(draft) : format === "md" ? renderMarkdown(draft) : renderYaml(draft);
  if (flags.output) writeFileSync(flags.output, content);
  else process.stdout.write(content);
  if (!flags.quiet) process.stderr.write(`${SUMMARY[flags.lang](draft.entries.length, stats.added, stats.found, stats.gone, stats.keptFields)}\n`);
  return EXIT.OK;
}

export function registerCommand(setExitCode: (code: number) => void): Command {
  return new Command("register")
    .description("write a draft processing register (Art. 30 GDPR) from a JSON report or a fresh scan")
    .argument("<inputs...>", "a JSON report (from scan --format json), or files and folders to scan")
    .option("-o, --output <file>", "register file: .yaml, .md or .xlsx (default: YAML on stdout); an existing .yaml/.xlsx is merged")
    .option("--previous <file>", "the register to merge with (.yaml or .xlsx; default: the output file when it exists)")
    .option("--config <file>", "configuration file (default: ./avg-scan.config.yaml when present)")
    .addOption(new Option("--lang <lang>", "language of the register").choices(["nl", "en"]).default("nl"))
    .addOption(new Option("--min-confidence <level>", "when scanning: lowest confidence that counts").choices(["low", "medium", "high"]).default("medium"))
    .option("--rules <dir>", "when scanning: extra folder of rule files (repeatable)", collect)
    .option("-j, --jobs <n>", "when scanning: worker threads", parsePositiveInt)
    .option("-q, --quiet", "no summary on stderr")
    .addHelpText(
      "after",
      "\nExamples:\n  $ avg-scan scan ./share --format json -o r.json\n  $ avg-scan register r.json -o verwerkingsregister.xlsx\n  $ avg-scan register ./share -o verwerkingsregister.yaml --config avg-scan.config.yaml",
    )
    .action(async (inputs: string[], flags: RegisterFlags) => {
      setExitCode(await runRegister(inputs, flags));
    });
}
