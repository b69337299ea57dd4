// `avg-scan report <report.json>`: renders a saved JSON report again in another format,
// without rescanning. The input is checked against the report schema first.
import { writeFileSync } from "node:fs";
import { Command, Option } from "commander";
import { readReport } from "../model/read-report.js";
import { renderReport, REPORTERS } from "../report/index.js";
import type { Lang } from "../report/i18n.js";
import { EXIT } from "./errors.js";
import { formatForOutput } from "./parse.js";
import { useColor } from "./scan-command.js";

interface ReportFlags {
  format: string;
  output?: string;
  lang: Lang;
  color: boolean;
}

export function reportCommand(setExitCode: (code: number) => void): Command {
  return new Command("report")
    .description("render a saved JSON report (from scan --format json) as html, md, csv, text or json")
    .argument("<report>", "a JSON report written by avg-scan scan --format json")
    .addOption(new Option("-f, --format <format>", "output format (default: the extension of --output, else html)").choices(Object.keys(REPORTERS)).default("html"))
    .option("-o, --output <file>", "write to this file (default: stdout)")
    .addOption(new Option("--lang <lang>", "language of human-facing text").choices(["nl", "en"]).default("nl"))
    .option("--no-color", "no colours in terminal output (also: NO_COLOR=1)")
    .addHelpText("after", "\nExamples:\n  $ avg-scan report r.json --format html -o r.html\n  $ avg-scan report r.json --format csv --lang en -o findings.csv")
    .action((file: string, flags: ReportFlags, command: Command) => {
      if (command.getOptionValueSource("format") !== "cli") flags.format = formatForOutput(flags.output, Object.keys(REPORTERS)) ?? flags.format;
      const report = readReport(file);
      const toFile = flags.output !== undefined;
      const content = renderReport(report, flags.format, { lang: flags.lang, color: flags.format === "text" && !toFile && useColor(flags.color, process.stdout) });
      if (toFile) writeFileSync(flags.output!, content);
      else process.stdout.write(content);
      setExitCode(EXIT.OK);
    });
}
