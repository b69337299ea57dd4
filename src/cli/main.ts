// The command line: commander wiring and the mapping of every failure to an exit code.
import { Command, CommanderError } from "commander";
import { TOOL_VERSION } from "../version.js";
import { RuleError } from "../ruleset/load.js";
import { RootError } from "../walk/walk.js";
import { EXIT, UsageError } from "./errors.js";
import { scanCommand } from "./scan-command.js";
import { rulesCommand } from "./rules-command.js";
import { reportCommand } from "./report-command.js";
import { registerCommand } from "./register-command.js";
import { ConfigError } from "../config/config.js";
import { BaselineError } from "../aggregate/baseline.js";
import { RegisterInputError } from "../register/render.js";
import { ReportInputError } from "../model/read-report.js";
import { CorpusError } from "../ruleset/evaluate.js";

export function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command("avg-scan")
    .description("Finds personal data (AVG/GDPR) in files and folders and classifies it as none, generic or special.")
    .version(TOOL_VERSION, "-V, --version")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  program.addCommand(scanCommand(setExitCode).exitOverride());
  program.addCommand(reportCommand(setExitCode).exitOverride());
  program.addCommand(registerCommand(setExitCode).exitOverride());
  const rules = rulesCommand(setExitCode).exitOverride();
  for (const sub of rules.commands) sub.exitOverride();
  program.addCommand(rules);
  return program;
}

/** Runs the CLI; resolves to the exit code instead of exiting, so tests can call it. */
export async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.OK;
  const program = buildProgram((c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv);
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are not errors; commander has already printed what it had to say.
      return err.exitCode === 0 ? EXIT.OK : EXIT.FATAL;
    }
    if (err instanceof RuleError || err instanceof RootError || err instanceof UsageError || err instanceof CorpusError || err instanceof ReportInputError || err instanceof ConfigError || err instanceof BaselineError || err instanceof RegisterInputError) {
      process.stderr.write(`avg-scan: ${err.message}\n`);
      return EXIT.FATAL;
    }
    process.stderr.write(`avg-scan: unexpected error: ${(err as Error)?.stack ?? String(err)}\n`);
    return EXIT.FATAL;
  }
}
