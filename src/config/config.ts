// avg-scan.config.yaml: found in the current folder or given with --config, checked against a
// JSON schema (ajv) so a typo gets a clear error with its place in the file. For now it holds
// what the register needs: the controller's details and the retention table.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { parseDocument } from "yaml";

export const CONFIG_FILE = "avg-scan.config.yaml";

export interface ControllerConfig {
  /** Name of the controller (verwerkingsverantwoordelijke). */
  name?: string;
  /** Contact details of the controller or its representative. */
  contact?: string;
  /** Data protection officer (functionaris gegevensbescherming), if any. */
  dpo?: string;
}

export interface AvgScanConfig {
  controller?: ControllerConfig;
  /** Retention suggestions by data subject or record kind (see src/register/retention.ts). */
  retention?: Record<string, string>;
}

/** A config file that cannot be read or does not follow the schema: one line, exit 2. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

const SCHEMA = {
  type: "object",
  additionalProperties: false,
  properties: {
    controller: {
      type: "object",
      additionalProperties: false,
      properties: { name: { type: "string", minLength: 1 }, contact: { type: "string", minLength: 1 }, dpo: { type: "string", minLength: 1 } },
    },
    retention: { type: "object", additionalProperties: { type: "string", minLength: 1 }, propertyNames: { pattern: "^[\\p{L}\\p{N} _-]+$" } },
  },
} as const;

let validator: ReturnType<Ajv2020["compile"]> | undefined;

export function parseConfig(text: string, name: string): AvgScanConfig {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) throw new ConfigError(`${name}: ${doc.errors[0].message.split("\n")[0]}`);
  const value: unknown = doc.toJS() ?? {};
  validator ??= new Ajv2020({ allErrors: true, strict: true, unicodeRegExp: true }).compile(SCHEMA);
  if (!validator(value)) {
    const problems = (validator.errors ?? []).map((e) => {
      const where = e.instancePath || "(top)";
      if (e.keyword === "additionalProperties") return `${where}: unknown key "${(e.params as { additionalProperty: string }).additionalProperty}"`;
      return `${where}: ${e.message ?? "is invalid"}`;
    });
    throw new ConfigError(`${name}: ${problems.join("; ")}`);
  }
  return value as AvgScanConfig;
}

/** The given file, or avg-scan.config.yaml in `cwd` when it exists, or an empty config. */
export function loadConfig(file: string | undefined, cwd = process.cwd()): { config: AvgScanConfig; file?: string } {
  const chosen = file ?? (existsSync(path.join(cwd, CONFIG_FILE)) ? path.join(cwd, CONFIG_FILE) : undefined);
  if (!chosen) return { config: {} };
  let text: string;
  try {
    text = readFileSync(chosen, "utf8");
  } catch (err) {
    throw new ConfigError(`cannot read ${chosen}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  return { config: parseConfig(text, chosen), file: chosen };
}
