// `avg-scan scan <paths...>`: runs a scan and writes the report. The report goes to
// --output or stdout; progress and the human summary go to stderr when a report format is
// written, so `--format json | jq` keeps working.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Command, InvalidArgumentError, Option } from "commander";
import ora, { type Ora } from "ora";
import type { Confidence } from "../model/types.js";
import { scan } from "../scan/scan.js";
import { renderReport, REPORTERS, type RuleMeta } from "../report/index.js";
import { TEXT, type Lang } from "../report/i18n.js";
import { collect, formatForOutput, parsePositiveInt, parseSize } from "./parse.js";
import { EXIT, UsageError } from "./errors.js";
import { loadConfig, type AvgScanConfig, type FailOn } from "../config/config.js";
import {
  applyBaseline, BASELINE_KEY_ENV, buildBaseline, collectMacs, pruneBaseline, readBaseline, renderBaseline,
} from "../aggregate/baseline.js";
import { violations, type Violation } from "../aggregate/gate.js";

interface ScanFlags {
  config?: string;
  failOn: FailOn;
  baseline?: string;
  baselineOut?: string;
  pruneBaseline?: boolean;
  filesFrom?: string;
  format: string;
  output?: string;
  include?: string[];
  exclude?: string[];
  maxFileSize?: number;
  minConfidence: Confidence;
  rules?: string[];
  lang: Lang;
  color: boolean;
  quiet?: boolean;
  jobs?: number;
  followSymlinks?: boolean;
  fileTimeout?: number;
  maxArchiveDepth?: number;
}

const EXAMPLES = `
Examples:
  $ avg-scan scan ./share
  $ avg-scan scan ./share --format json --output report.json
  $ avg-scan scan ./export --exclude "*.log" --min-confidence high
  $ avg-scan scan ./share --rules ./my-rules --lang en
  $ avg-scan scan ./export --fail-on special --format sarif -o avg-scan.sarif
  $ avg-scan scan ./export --baseline-out .avgscan-baseline.json
  $ avg-scan scan ./export --fail-on generic --baseline .avgscan-baseline.json
  $ git diff --name-only main | avg-scan scan --files-from - --fail-on special

Configuration: ./avg-scan.config.yaml (or --config FILE); flags override it.
Baseline key: set ${BASELINE_KEY_ENV} to record keyed hashes of the values (HMAC-SHA256).

Exit codes:
  0  no finding at or above --fail-on (after the baseline and allowances); always with --fail-on none
  1  findings at or above --fail-on that the baseline does not cover, or categories a path may not hold
  2  wrong usage, a missing path, a broken rule or config file, or another fatal error`;

/** Colour only for a terminal, and never with --no-color, NO_COLOR or in CI. */
export function useColor(flag: boolean, stream: NodeJS.WriteStream): boolean {
  return flag && !("NO_COLOR" in process.env && process.env.NO_COLOR !== "") && !process.env.CI && Boolean(stream.isTTY);
}

/** A spinner on stderr, only for a person at a terminal (not with --quiet, in CI, or in a pipe). */
function progressSpinner(flags: ScanFlags): Ora | undefined {
  // A pseudo-terminal without a size (columns 0) makes ora redraw endlessly: no spinner there.
  if (flags.quiet || !process.stderr.isTTY || process.env.CI || !(process.stderr.columns >= 20)) return undefined;
  return ora({ text: TEXT[flags.lang].walking, stream: process.stderr, color: "cyan", isEnabled: true }).start();
}

/** One line that fits the terminal: a long path loses its start, not its file name. */
export function fitLine(text: string, width: number): string {
  const room = Math.max(10, width - 3); // the spinner and a space
  return text.length <= room ? text : `…${text.slice(text.length - room + 1)}`;
}

/** The list of --files-from (a file, or - for stdin): one path a line, relative to the current folder. */
export function readFilesFrom(source: string): Set<string> {
  let text: string;
  try {
    text = readFileSync(source === "-" ? 0 : source, "utf8");
  } catch (err) {
    throw new UsageError(`cannot read --files-from ${source}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#"));
  return new Set(lines.map((l) => path.resolve(l)));
}

/** Flags win over the config file; a flag counts only when given on the command line. */
function effective(flags: ScanFlags, config: AvgScanConfig, given: (name: keyof ScanFlags) => boolean) {
  const pick = <K extends keyof ScanFlags & keyof AvgScanConfig>(name: K) => (given(name) ? flags[name] : (config[name] ?? flags[name]));
  let maxFileSize = flags.maxFileSize;
  if (!given("maxFileSize") && config.maxFileSize !== undefined) {
    try {
      maxFileSize = typeof config.maxFileSize === "number" ? config.maxFileSize : parseSize(config.maxFileSize);
    } catch (err) {
      throw new UsageError(`config maxFileSize: ${(err as InvalidArgumentError).message}`);
    }
  }
  return {
    include: pick("include") as string[] | undefined,
    exclude: pick("exclude") as string[] | undefined,
    rules: pick("rules") as string[] | undefined,
    minConfidence: pick("minConfidence") as Confidence,
    failOn: pick("failOn") as FailOn,
    maxFileSize,
    maxArchiveDepth: given("maxArchiveDepth") ? flags.maxArchiveDepth : (config.maxArchiveDepth ?? flags.maxArchiveDepth),
  };
}

const GATE_TEXT = {
  nl: {
    failed: (n: number, level: string) => `avg-scan: ${n} ${n === 1 ? "vondst" : "vondsten"} boven --fail-on ${level}:`,
    notAllowed: "niet toegestaan in dit pad",
    baseline: (s: number, n: number) => `Baseline: ${s} bekende vondsten onderdrukt, ${n} nieuw`,
    stale: (n: number) => `Baseline: ${n} ${n === 1 ? "vermelding is" : "vermeldingen zijn"} verouderd (de gegevens zijn weg); ruim op met --prune-baseline`,
    pruned: (file: string, d: number, s: number) => `Baseline ${file} opgeschoond: ${d} verwijderd, ${s} verkleind`,
    written: (file: string, n: number) => `Baseline geschreven naar ${file} (${n} vermeldingen)`,
    noKey: `Let op: de baseline heeft waarden-hashes maar ${BASELINE_KEY_ENV} is niet gezet; vergelijking op aantallen`,
  },
  en: {
    failed: (n: number, level: string) => `avg-scan: ${n} ${n === 1 ? "finding" : "findings"} above --fail-on ${level}:`,
    notAllowed: "not allowed in this path",
    baseline: (s: number, n: number) => `Baseline: ${s} known findings suppressed, ${n} new`,
    stale: (n: number) => `Baseline: ${n} ${n === 1 ? "entry is" : "entries are"} stale (the data is gone); clean up with --prune-baseline`,
    pruned: (file: string, d: number, s: number) => `Baseline ${file} pruned: ${d} dropped, ${s} shrunk`,
    written: (file: string, n: number) => `Baseline written to ${file} (${n} entries)`,
    noKey: `Note: the baseline holds value hashes but ${BASELINE_KEY_ENV} is not set; comparing counts`,
  },
};

function describeViolation(v: Violation, lang: Lang): string {
  const why = v.reason === "not-allowed" ? ` (${GATE_TEXT[lang].notAllowed})` : "";
  return `  ${v.file}  ${v.ruleId}  ${v.region}  ${v.count}×${why}`;
}

async function runScan(paths: string[], flags: ScanFlags, given: (name: keyof ScanFlags) => boolean): Promise<number> {
  const t = TEXT[flags.lang];
  const g = GATE_TEXT[flags.lang];
  const { config } = loadConfig(flags.config);
  const eff = effective(flags, config, given);
  if (flags.pruneBaseline && !flags.baseline) throw new UsageError("--prune-baseline needs --baseline FILE");
  const onlyFiles = flags.filesFrom !== undefined ? readFilesFrom(flags.filesFrom) : undefined;
  const roots = paths.length ? paths : onlyFiles ? ["."] : [];
  if (roots.length === 0) throw new UsageError("give the files and folders to scan, or --files-from");
  const key = flags.baseline || flags.baselineOut ? process.env[BASELINE_KEY_ENV] || undefined : undefined;
  const { macs, onValueMacs } = collectMacs();
  let ruleMetas: RuleMeta[] = [];

  const spinner = progressSpinner(flags);
  let lastUpdate = 0;
  const started = Date.now();
  let report;
  try {
    report = await scan({
      roots,
      include: eff.include,
      exclude: eff.exclude,
      maxFileSize: eff.maxFileSize,
      minConfidence: eff.minConfidence,
      rules: eff.rules,
      disableRules: config.disableRules,
      onlyFiles,
      valueKey: key,
      onValueMacs,
      onRules: (rules) => {
        ruleMetas = rules.map((r) => ({ id: r.id, category: r.category, classification: r.classification, description: r.description }));
      },
      jobs: flags.jobs,
      followSymlinks: flags.followSymlinks,
      fileTimeoutMs: flags.fileTimeout === undefined ? undefined : flags.fileTimeout * 1000,
      limits: eff.maxArchiveDepth === undefined ? undefined : { maxArchiveDepth: eff.maxArchiveDepth },
      onProgress: spinner
        ? ({ done, total, current }) => {
            const now = Date.now();
            if (now - lastUpdate < 80 && done < total) return;
            lastUpdate = now;
            spinner.text = fitLine(t.progress(done, total, current ?? ""), process.stderr.columns);
          }
        : undefined,
    });
  } finally {
    spinner?.stop();
  }

  const notes: string[] = [];
  if (flags.baseline) {
    const baseline = readBaseline(flags.baseline);
    if (baseline.keyCheck && !key) notes.push(g.noKey);
    const result = applyBaseline(report, baseline, key ? macs : undefined, key);
    report.baseline = {
      mode: result.mode, suppressed: result.suppressed, new: result.fresh,
      stale: result.stale.map((s) => ({ file: s.entry.file, rule: s.entry.rule, region: s.entry.region, gone: s.gone })),
    };
    notes.push(g.baseline(result.suppressed, result.fresh));
    if (result.stale.length && !flags.pruneBaseline) notes.push(g.stale(result.stale.length));
    if (flags.pruneBaseline) {
      const pruned = pruneBaseline(baseline, report, key ? macs : undefined);
      writeFileSync(flags.baseline, renderBaseline(pruned.baseline));
      notes.push(g.pruned(flags.baseline, pruned.dropped, pruned.shrunk));
    }
  }
  if (flags.baselineOut) {
    const b = buildBaseline(report, key ? macs : undefined, key);
    writeFileSync(flags.baselineOut, renderBaseline(b));
    notes.push(g.written(flags.baselineOut, b.entries.length));
  }
  const failing = violations(report, { failOn: eff.failOn, allow: config.allow });
  if (eff.failOn !== "none") report.gate = { failOn: eff.failOn, violations: failing.reduce((n, v) => n + v.count, 0) };

  const toFile = flags.output !== undefined;
  const content = renderReport(report, flags.format, {
    lang: flags.lang,
    color: flags.format === "text" && !toFile && useColor(flags.color, process.stdout),
    rules: ruleMetas,
  });
  if (toFile) writeFileSync(flags.output!, content);
  else process.stdout.write(content);

  if (!flags.quiet && (flags.format !== "text" || toFile)) {
    const summary = renderReport(report, "text", { lang: flags.lang, color: useColor(flags.color, process.stderr) });
    process.stderr.write(summary);
    if (toFile) process.stderr.write(`${t.written(flags.output!)}\n`);
  }
  if (!flags.quiet) for (const n of notes) process.stderr.write(`${n}\n`);
  if (failing.length) {
    // Always said, also with --quiet: it is why the job fails.
    process.stderr.write(`${g.failed(failing.reduce((n, v) => n + v.count, 0), eff.failOn)}\n`);
    for (const v of failing.slice(0, 50)) process.stderr.write(`${describeViolation(v, flags.lang)}\n`);
    if (failing.length > 50) process.stderr.write(`  ${t.more(failing.length - 50)}\n`);
  }
  if (!flags.quiet && process.stderr.isTTY && !process.env.CI) {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stderr.write(`${t.duration(flags.lang === "nl" ? seconds.replace(".", ",") : seconds)}\n`);
  }
  return failing.length ? EXIT.FOUND : EXIT.OK;
}

export function scanCommand(setExitCode: (code: number) => void): Command {
  return new Command("scan")
    .description("scan files and folders for personal data and write a masked report")
    .argument("[paths...]", "files and folders to scan (default with --files-from: the current folder)")
    .addOption(new Option("-f, --format <format>", "report format (default: the extension of --output, else text)").choices(Object.keys(REPORTERS)).default("text"))
    .option("-o, --output <file>", "write the report to this file (default: stdout)")
    .option("--include <glob>", "only scan files matching this glob (repeatable)", collect)
    .option("--exclude <glob>", "skip files matching this glob (repeatable)", collect)
    .option("--max-file-size <size>", "skip files larger than this, e.g. 100MB (default 256MB)", parseSize)
    .addOption(new Option("--min-confidence <level>", "lowest confidence that is reported and classifies").choices(["low", "medium", "high"]).default("medium"))
    .addOption(new Option("--fail-on <level>", "exit 1 when a finding of this classification or higher remains after the baseline (none: never)").choices(["none", "generic", "special"]).default("none"))
    .option("--baseline <file>", "suppress the findings recorded in this baseline; only new ones count")
    .option("--baseline-out <file>", "record today's findings as the accepted baseline (no values; keyed hashes with AVGSCAN_BASELINE_KEY)")
    .option("--prune-baseline", "drop entries of --baseline whose data is gone, and write it back")
    .option("--files-from <file>", "scan only the paths listed in this file, one a line (- for stdin), e.g. changed files from git")
    .option("--config <file>", "configuration file (default: ./avg-scan.config.yaml when present)")
    .option("--rules <dir>", "extra folder of rule files, added to the built-in rules (repeatable)", collect)
    .addOption(new Option("--lang <lang>", "language of human-facing text").choices(["nl", "en"]).default("nl"))
    .option("--no-color", "no colours in terminal output (also: NO_COLOR=1)")
    .option("-q, --quiet", "no progress and no summary on stderr")
    .option("-j, --jobs <n>", "worker threads (default: number of cores)", parsePositiveInt)
    .option("--follow-symlinks", "follow symbolic links (default: skip them)")
    .option("--file-timeout <seconds>", "stop a single file after this many seconds (default 300)", parsePositiveInt)
    .option("--max-archive-depth <n>", "deepest nesting of archives that is opened (default 3)", parsePositiveInt)
    .addHelpText("after", EXAMPLES)
    .action(async (paths: string[], flags: ScanFlags, command: Command) => {
      const given = (name: keyof ScanFlags) => command.getOptionValueSource(name) === "cli";
      if (!given("format")) flags.format = formatForOutput(flags.output, Object.keys(REPORTERS)) ?? flags.format;
      setExitCode(await runScan(paths, flags, given));
    });
}
