// Reads a saved JSON report back (for `avg-scan report` and `avg-scan register`) and checks it
// against the contract's schema first, so a wrong or hand-edited file gets one clear error
// instead of a half-rendered document. report.schema.json is a copy of
// ../shared/contract/report.schema.json; test/model/read-report.test.ts keeps the two equal.
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import schema from "./report.schema.json" with { type: "json" };
import type { ScanReport } from "./types.js";

/** A report file that cannot be read, is not JSON or does not follow the schema. */
export class ReportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ReportInputError";
  }
}

// ajv-formats is CommonJS with a default export; under NodeNext it arrives as the module.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

let validator: ReturnType<Ajv2020["compile"]> | undefined;

function validate(value: unknown): string[] {
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    validator = ajv.compile(schema);
  }
  if (validator(value)) return [];
  return (validator.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? "is invalid"}`);
}

/** Parses and validates a report; `name` is used in error messages only. */
export function parseReport(text: string, name: string): ScanReport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new ReportInputError(`${name} is not JSON: ${(err as Error).message}`);
  }
  const problems = validate(value);
  if (problems.length) {
    const shown = problems.slice(0, 5).join("; ");
    const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : "";
    throw new ReportInputError(`${name} is not an avg-scan JSON report: ${shown}${more}`);
  }
  return value as ScanReport;
}

export function readReport(file: string): ScanReport {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new ReportInputError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return parseReport(text, file);
}
