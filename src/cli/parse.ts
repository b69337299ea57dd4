// Parsers for option values; each throws commander's InvalidArgumentError with a clear text.
import { InvalidArgumentError } from "commander";
import path from "node:path";

const UNITS: Record<string, number> = { "": 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/** "100MB", "1.5g", "2048" → bytes (1024-based). */
export function parseSize(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  const factor = m ? UNITS[m[2].toLowerCase()] : undefined;
  if (!m || factor === undefined) throw new InvalidArgumentError(`"${value}" is not a size; use e.g. 500KB, 100MB or 2GB`);
  return Math.floor(Number(m[1]) * factor);
}

export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`"${value}" is not a whole number of 1 or more`);
  return n;
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/**
 * The format an output file's extension asks for (`-o report.json` → json, `.htm` → html,
 * `.txt` → text), used when no `--format` was given; undefined for any other extension.
 */
export function formatForOutput(output: string | undefined, formats: readonly string[]): string | undefined {
  if (output === undefined) return undefined;
  const ext = path.extname(output).slice(1).toLowerCase();
  const format = ({ htm: "html", txt: "text", markdown: "md" } as Record<string, string>)[ext] ?? ext;
  return formats.includes(format) ? format : undefined;
}
