// `avg-scan scan <paths...>`: runs a scan and writes the report. The report goes to
// --output or stdout; progress and the human summary go to stderr when a report format is
// written, so `--format json | jq` keeps working.
import { writeFileSync } from "node:fs";
import { Command, Option } from "commander";
import ora, { type Ora } from "ora";
import type { Confidence } from "../model/types.js";
import { scan } from "../scan/scan.js";
import { renderReport, REPORTERS } from "../report/index.js";
import { TEXT, type Lang } from "../report/i18n.js";
import { collect, parsePositiveInt, parseSize } from "./parse.js";
import { EXIT } from "./errors.js";

interface ScanFlags {
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

Exit codes: 0 scan done, 2 wrong usage or fatal error.`;

/** Colour only for a terminal, and never with --no-color or NO_COLOR. */
export function useColor(flag: boolean, stream: NodeJS.WriteStream): boolean {
  return flag && !("NO_COLOR" in process.env && process.env.NO_COLOR !== "") && Boolean(stream.isTTY);
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

async function runScan(paths: string[], flags: ScanFlags): Promise<number> {
  const t = TEXT[flags.lang];
  const spinner = progressSpinner(flags);
  let lastUpdate = 0;
  const started = Date.now();
  let report;
  try {
    report = await scan({
      roots: paths,
      include: flags.include,
      exclude: flags.exclude,
      maxFileSize: flags.maxFileSize,
      minConfidence: flags.minConfidence,
      rules: flags.rules,
      jobs: flags.jobs,
      followSymlinks: flags.followSymlinks,
      fileTimeoutMs: flags.fileTimeout === undefined ? undefined : flags.fileTimeout * 1000,
      limits: flags.maxArchiveDepth === undefined ? undefined : { maxArchiveDepth: flags.maxArchiveDepth },
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

  const toFile = flags.output !== undefined;
  const content = renderReport(report, flags.format, {
    lang: flags.lang,
    color: flags.format === "text" && !toFile && useColor(flags.color, process.stdout),
  });
  if (toFile) writeFileSync(flags.output!, content);
  else process.stdout.write(content);

  if (!flags.quiet && (flags.format !== "text" || toFile)) {
    const summary = renderReport(report, "text", { lang: flags.lang, color: useColor(flags.color, process.stderr) });
    process.stderr.write(summary);
    if (toFile) process.stderr.write(`${t.written(flags.output!)}\n`);
  }
  if (!flags.quiet && process.stderr.isTTY) {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stderr.write(`${t.duration(flags.lang === "nl" ? seconds.replace(".", ",") : seconds)}\n`);
  }
  return EXIT.OK;
}

export function scanCommand(setExitCode: (code: number) => void): Command {
  return new Command("scan")
    .description("scan files and folders for personal data and write a masked report")
    .argument("<paths...>", "files and folders to scan")
    .addOption(new Option("-f, --format <format>", "report format").choices(Object.keys(REPORTERS)).default("text"))
    .option("-o, --output <file>", "write the report to this file (default: stdout)")
    .option("--include <glob>", "only scan files matching this glob (repeatable)", collect)
    .option("--exclude <glob>", "skip files matching this glob (repeatable)", collect)
    .option("--max-file-size <size>", "skip files larger than this, e.g. 100MB (default 256MB)", parseSize)
    .addOption(new Option("--min-confidence <level>", "lowest confidence that is reported and classifies").choices(["low", "medium", "high"]).default("medium"))
    .option("--rules <dir>", "extra folder of rule files, added to the built-in rules (repeatable)", collect)
    .addOption(new Option("--lang <lang>", "language of human-facing text").choices(["nl", "en"]).default("nl"))
    .option("--no-color", "no colours in terminal output (also: NO_COLOR=1)")
    .option("-q, --quiet", "no progress and no summary on stderr")
    .option("-j, --jobs <n>", "worker threads (default: number of cores)", parsePositiveInt)
    .option("--follow-symlinks", "follow symbolic links (default: skip them)")
    .option("--file-timeout <seconds>", "stop a single file after this many seconds (default 300)", parsePositiveInt)
    .option("--max-archive-depth <n>", "deepest nesting of archives that is opened (default 3)", parsePositiveInt)
    .addHelpText("after", EXAMPLES)
    .action(async (paths: string[], flags: ScanFlags) => {
      setExitCode(await runScan(paths, flags));
    });
}
