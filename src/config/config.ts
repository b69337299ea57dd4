// avg-scan.config.yaml: found in the current folder or given with --config, checked against a
// JSON schema (ajv) so a typo gets a clear error with its place in the file. Command-line flags
// override it. Rule folders in it are relative to the file.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { parseDocument } from "yaml";
import { CATEGORIES, type Category, type Confidence } from "../model/types.js";

export const CONFIG_FILE = "avg-scan.config.yaml";

export interface ControllerConfig {
  /** Name of the controller (verwerkingsverantwoordelijke). */
  name?: string;
  /** Contact details of the controller or its representative. */
  contact?: string;
  /** Data protection officer (functionaris gegevensbescherming), if any. */
  dpo?: string;
}

export type FailOn = "none" | "generic" | "special";

/** "These paths may hold these categories, nothing else": any other category there fails. */
export interface Allowance {
  paths: string[];
  categories: Category[];
}

export interface AvgScanConfig {
  include?: string[];
  exclude?: string[];
  /** Extra rule folders; resolved against the config file's folder on load. */
  rules?: string[];
  /** Rule ids that are not run. */
  disableRules?: string[];
  minConfidence?: Confidence;
  failOn?: FailOn;
  /** Bytes (a number) or a size such as "100MB". */
  maxFileSize?: number | string;
  maxArchiveDepth?: number;
  allow?: Allowance[];
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
    include: { type: "array", items: { type: "string", minLength: 1 } },
    exclude: { type: "array", items: { type: "string", minLength: 1 } },
    rules: { type: "array", items: { type: "string", minLength: 1 } },
    disableRules: { type: "array", items: { type: "string", pattern: "^[a-z0-9-]+\\.[a-z0-9-]+$" } },
    minConfidence: { enum: ["low", "medium", "high"] },
    failOn: { enum: ["none", "generic", "special"] },
    maxFileSize: { anyOf: [{ type: "integer", minimum: 1 }, { type: "string", pattern: "^\\s*\\d+(\\.\\d+)?\\s*([kKmMgG][bB]?|[bB])?\\s*$" }] },
    maxArchiveDepth: { type: "integer", minimum: 0 },
    allow: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["paths", "categories"],
        properties: {
          paths: { type: "array", minItems: 1, items: { type: "string", minLength: 1 } },
          categories: { type: "array", items: { enum: [...CATEGORIES] } },
        },
      },
    },
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
    const errors = validator.errors ?? [];
    // An anyOf failure says it once, in words, instead of one line per branch.
    const anyOf = new Set(errors.filter((e) => e.keyword === "anyOf").map((e) => e.instancePath));
    const problems = errors.filter((e) => e.keyword === "anyOf" || !anyOf.has(e.instancePath)).map((e) => {
      if (e.keyword === "anyOf") return `${e.instancePath}: must be a number of bytes or a size such as 100MB`;
      const where = e.instancePath || "(top)";
      if (e.keyword === "additionalProperties") return `${where}: unknown key "${(e.params as { additionalProperty: string }).additionalProperty}"`;
      if (e.keyword === "enum") return `${where}: must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(", ")}`;
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
  const config = parseConfig(text, chosen);
  if (config.rules) config.rules = config.rules.map((r) => path.resolve(path.dirname(chosen), r));
  return { config, file: chosen };
}
