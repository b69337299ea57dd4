// Loads rule folders: parse YAML → check every field → compile regexes, term lists and
// validators. Any problem is a RuleError that names the file and the field, so a broken
// rule file stops the scan before it starts (exit 2) instead of silently detecting less.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fg from "fast-glob";
import { parse as parseYaml, YAMLParseError } from "yaml";
import { CATEGORY_CLASSIFICATION, isCategory } from "../model/types.js";
import { VALIDATORS } from "../detect/validators/index.js";
import type { CompiledRule, Normalization, RuleExample, RuleSet } from "./types.js";

export class RuleError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    problem: string,
  ) {
    super(`${file}: ${field ? `${field}: ` : ""}${problem}`);
    this.name = "RuleError";
  }
}

/** The rules shipped with avg-scan (rules/ at the package root). */
export const BUILTIN_RULES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../rules");

const CONFIDENCE_VALUES = ["low", "medium", "high"] as const;
const NORMALIZATIONS = ["none", "digits", "alnum", "upper-alnum", "lower"] as const;
const TOP_LEVEL_FIELDS = new Set([
  "id", "category", "classification", "description", "locales", "keywords", "patterns", "terms",
  "validator", "confidence", "context", "headers", "column", "allow", "examples", "normalize", "prefilter", "lists", "scope", "note", "child", "contains", "support",
]);

// Rules that share a prefilter share its RegExp, so the engine tests it once per unit.
const prefilters = new Map<string, RegExp>();

type Raw = Record<string, unknown>;

/** Reads and compiles every rule file in `dirs` (built-in folder first, then the user's). */
export interface LoadOptions {
  /**
   * Also compile every regex to check its capture groups and that it cannot match the empty
   * string. Compiling the big name and term alternations costs about a second, so a scan skips
   * it (the regexes compile lazily, only where a unit passes their prefilter); `rules test` and
   * the test suite do it.
   */
  thorough?: boolean;
  /** Rule ids to leave out (config `disableRules`); an id that does not exist is an error. */
  disable?: string[];
}

export function loadRuleSet(dirs: string[], options: LoadOptions = {}): RuleSet {
  const hash = createHash("sha256");
  const rules: CompiledRule[] = [];
  const seen = new Map<string, string>();
  for (const dir of dirs) {
    const root = path.resolve(dir);
    const files = fg.sync(["**/*.yaml", "**/*.yml"], { cwd: root, onlyFiles: true, dot: false }).sort();
    if (files.length === 0) throw new RuleError(dir, "", "no rule files (*.yaml) in this folder");
    for (const rel of files) {
      const file = path.join(root, rel);
      const bytes = readFileSync(file);
      hash.update(rel).update("\0").update(bytes).update("\0");
      const rule = compileRule(root, rel, bytes.toString("utf8"), hash, options.thorough ?? false);
      const before = seen.get(rule.id);
      if (before) throw new RuleError(displayPath(file), "id", `"${rule.id}" is also defined in ${before}`);
      seen.set(rule.id, displayPath(file));
      rules.push(rule);
    }
  }
  const disable = [...new Set(options.disable ?? [])].sort();
  const unknown = disable.filter((id) => !seen.has(id));
  if (unknown.length) throw new RuleError("disableRules", "", `no rule with the id ${unknown.map((id) => `"${id}"`).join(", ")}`);
  // The hash says which rules ran: disabling one changes it.
  for (const id of disable) hash.update(`-${id}\0`);
  const kept = disable.length ? rules.filter((r) => !disable.includes(r.id)) : rules;
  return { rules: kept, hash: hash.digest("hex").slice(0, 16), dirs: dirs.map((d) => path.resolve(d)) };
}

function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return (rel && !rel.startsWith("..") ? rel : file).split(path.sep).join("/");
}

/** Parses and compiles one rule file. `rel` is its path inside the rules folder `root`. */
export function compileRule(root: string, rel: string, text: string, hash?: ReturnType<typeof createHash>, thorough = true): CompiledRule {
  const file = displayPath(path.join(root, rel));
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    const where = err instanceof YAMLParseError && err.linePos ? `line ${err.linePos[0].line}` : "";
    throw new RuleError(file, where, `not valid YAML: ${(err as Error).message.split("\n")[0]}`);
  }
  if (!isObject(raw)) throw new RuleError(file, "", "a rule file must be a YAML mapping");
  const f = new FieldReader(file, raw);
  for (const key of Object.keys(raw)) {
    if (!TOP_LEVEL_FIELDS.has(key)) throw new RuleError(file, key, "unknown field (see docs/rules.md)");
  }

  const id = f.string("id");
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(id)) throw new RuleError(file, "id", `"${id}" must be dotted lowercase, e.g. nl.bsn`);
  const expectedId = rel.replace(/\.ya?ml$/, "").split(/[\\/]/).join(".");
  if (id !== expectedId) throw new RuleError(file, "id", `"${id}" does not match the file's path (expected "${expectedId}")`);

  const category = f.string("category");
  if (!isCategory(category)) {
    throw new RuleError(file, "category", `unknown category "${category}" (one of: ${Object.keys(CATEGORY_CLASSIFICATION).join(", ")})`);
  }
  const classification = f.string("classification");
  if (classification !== CATEGORY_CLASSIFICATION[category]) {
    throw new RuleError(file, "classification", `"${classification}" but the category table says ${category} is ${CATEGORY_CLASSIFICATION[category]}`);
  }

  const hasPatterns = raw.patterns !== undefined;
  const hasTerms = raw.terms !== undefined;
  if (hasPatterns === hasTerms) throw new RuleError(file, "patterns", "a rule has either patterns or terms (exactly one of them)");

  const terms = hasTerms ? compileTerms(f, root, hash) : undefined;
  const lists = readPatternLists(f, root, hash);
  const compiled = terms ? { matchers: [terms.matcher], normalize: undefined } : compilePatterns(f, lists, thorough);
  const topNormalize = f.optionalEnum("normalize", NORMALIZATIONS);
  if (topNormalize && compiled.normalize && topNormalize !== compiled.normalize) {
    throw new RuleError(file, "normalize", `"${topNormalize}" differs from the patterns' "${compiled.normalize}"`);
  }

  const validatorName = f.optionalString("validator");
  let validator: CompiledRule["validator"];
  if (validatorName !== undefined) {
    const check = VALIDATORS[validatorName];
    if (!check) throw new RuleError(file, "validator", `unknown validator "${validatorName}" (one of: ${Object.keys(VALIDATORS).join(", ")})`);
    validator = { name: validatorName, check };
  }

  return {
    id,
    category,
    classification: CATEGORY_CLASSIFICATION[category],
    description: f.optionalString("description") ?? "",
    locales: f.optionalStringList("locales") ?? [],
    file,
    kind: hasPatterns ? "pattern" : "terms",
    keywordList: compileKeywords(f, lists),
    prefilter: compilePrefilter(f),
    termPrefixes: terms?.prefixes,
    matchers: compiled.matchers,
    normalize: compiled.normalize ?? topNormalize ?? "none",
    validator,
    confidence: f.enumValue("confidence", CONFIDENCE_VALUES),
    context: compileContext(f, root, hash),
    headers: compileHeaders(f, root, hash),
    column: compileColumn(f),
    allow: compileAllow(f),
    scope: f.optionalEnum("scope", ["content", "filename", "both"] as const) ?? "content",
    contains: compileContains(f),
    support: compileSupport(f, root, hash),
    note: f.optionalString("note"),
    child: compileChild(f, validatorName),
    examples: compileExamples(f),
  };
}

/** The patterns of a rule; their `normalize`, where given, must agree (one value per rule). */
/** Reads one list file (relative to the rules folder): one entry a line, '#' comments. */
function readList(f: FieldReader, field: string, root: string, listPath: string, hash?: ReturnType<typeof createHash>): string[] {
  let content: string;
  try {
    content = readFileSync(path.resolve(root, listPath), "utf8");
  } catch {
    throw new RuleError(f.file, field, `list file "${listPath}" not found (paths are relative to ${displayPath(root)})`);
  }
  hash?.update(listPath).update("\0").update(content).update("\0");
  const entries = parseTermList(content);
  if (entries.length === 0) throw new RuleError(f.file, field, `list file "${listPath}" has no entries`);
  return entries;
}

/**
 * The words of a section's `words`-style field plus those of its list files (one word a line):
 * `context.words` + `context.lists`, `context.exclude` + `context.excludeLists`, `support.exclude`
 * + `support.excludeLists`.
 */
function wordsWithLists(f: FieldReader, section: FieldReader, name: string, wordsField: string, listsField: string, root: string, hash?: ReturnType<typeof createHash>): string[] {
  return [
    ...(section.optionalStringList(wordsField) ?? []),
    ...(section.optionalStringList(listsField) ?? []).flatMap((listPath, i) => readList(f, `${name}.${listsField}[${i}]`, root, listPath, hash)),
  ];
}

/**
 * `lists: { firstname: lists/first-names.txt }`: each list becomes an alternation that
 * patterns use as `{{firstname}}` (escaped, longest entry first, as written: case matters
 * unless the pattern has the i flag).
 */
interface PatternList {
  entries: string[];
  /** The escaped alternation `{{name}}` becomes in a pattern. */
  source: string;
}

function readPatternLists(f: FieldReader, root: string, hash?: ReturnType<typeof createHash>): Map<string, PatternList> {
  const lists = new Map<string, PatternList>();
  if (f.raw.lists === undefined) return lists;
  const raw = f.object("lists");
  for (const [name, listPath] of Object.entries(raw)) {
    if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new RuleError(f.file, `lists.${name}`, "list names are lowercase words (a-z, 0-9, -)");
    if (typeof listPath !== "string") throw new RuleError(f.file, `lists.${name}`, "must be the path of a list file");
    const entries = [...new Set(readList(f, `lists.${name}`, root, listPath, hash))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    lists.set(name, { entries, source: `(?:${entries.map((e) => e.split(/\s+/).map(escapeRegex).join("\\s+")).join("|")})` });
  }
  return lists;
}

function compilePatterns(f: FieldReader, lists: Map<string, PatternList>, thorough: boolean): { matchers: CompiledRule["matchers"]; normalize?: Normalization } {
  const list = f.list("patterns");
  if (list.length === 0) throw new RuleError(f.file, "patterns", "needs at least one pattern");
  let normalize: Normalization | undefined;
  const matchers = list.map((item, i) => {
    const at = `patterns[${i}]`;
    if (!isObject(item)) throw new RuleError(f.file, at, "must be a mapping with name and regex");
    const p = new FieldReader(f.file, item, at);
    for (const key of Object.keys(item)) {
      if (!["name", "regex", "flags", "group", "normalize"].includes(key)) throw new RuleError(f.file, `${at}.${key}`, "unknown field");
    }
    const name = p.string("name");
    const source = p.string("regex").replace(/\{\{([a-z0-9-]+)\}\}/g, (_, list: string) => {
      const body = lists.get(list);
      if (body === undefined) throw new RuleError(f.file, `${at}.regex`, `{{${list}}} names no list (define it under lists:)`);
      return body.source;
    });
    const flags = p.optionalString("flags") ?? "";
    if (!/^[ims]*$/.test(flags)) throw new RuleError(f.file, `${at}.flags`, `only i, m and s may be given, not "${flags}"`);
    const itemNormalize = p.optionalEnum("normalize", NORMALIZATIONS);
    if (itemNormalize && normalize && itemNormalize !== normalize) {
      throw new RuleError(f.file, `${at}.normalize`, "all patterns of a rule must use the same normalize");
    }
    normalize ??= itemNormalize;
    let regex: RegExp;
    try {
      regex = new RegExp(source, `gu${flags}`);
    } catch (err) {
      throw new RuleError(f.file, `${at}.regex`, `invalid regular expression: ${(err as Error).message}`);
    }
    const group = p.optionalInteger("group") ?? 0;
    if (group < 0) throw new RuleError(f.file, `${at}.group`, "must be 0 or more");
    if (thorough) {
      const groups = new RegExp(`${source}|`, `u${flags}`).exec("")!.length - 1;
      if (group > groups) throw new RuleError(f.file, `${at}.group`, `the regex has ${groups} capture group(s), not ${group}`);
      if (regex.test("")) throw new RuleError(f.file, `${at}.regex`, "matches the empty string");
      regex.lastIndex = 0;
    }
    return { name, regex, group };
  });
  return { matchers, normalize };
}

/**
 * A rule's keywords, lower-cased and longest first: its patterns run only on text that holds
 * one of them (as a substring). `{{name}}` stands for every entry of the rule's list `name`
 * (its first word), so a pattern built on a list file keeps its prefilter in step with it.
 */
function compileKeywords(f: FieldReader, lists: Map<string, PatternList>): string[] | undefined {
  const words = f.optionalStringList("keywords") ?? [];
  if (words.length === 0) return undefined;
  const expanded = words.flatMap((word) => {
    const ref = /^\{\{([a-z][a-z0-9-]*)\}\}$/.exec(word.trim());
    if (!ref) return [word];
    const list = lists.get(ref[1]);
    if (!list) throw new RuleError(f.file, "keywords", `{{${ref[1]}}} is not one of the rule's lists`);
    return list.entries.map((e) => e.split(/\s+/)[0]);
  });
  return [...new Set(expanded.map((w) => w.toLowerCase()).filter((w) => w !== ""))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}

function compilePrefilter(f: FieldReader): RegExp | undefined {
  const source = f.optionalString("prefilter");
  if (source === undefined) return undefined;
  let regex = prefilters.get(source);
  if (!regex) {
    try {
      regex = new RegExp(source, "u");
    } catch (err) {
      throw new RuleError(f.file, "prefilter", `invalid regular expression: ${(err as Error).message}`);
    }
    prefilters.set(source, regex);
  }
  return regex;
}

/** The lower-cased leading letters/digits of a term, at most 3: what the engine's word-start prefilter compares. */
function termPrefix(term: string): string | undefined {
  return /^[\p{L}\p{N}]{1,3}/u.exec(term.toLowerCase())?.[0];
}

function compileTerms(
  f: FieldReader,
  root: string,
  hash?: ReturnType<typeof createHash>,
): { matcher: CompiledRule["matchers"][number]; prefixes?: ReadonlySet<string> } {
  const raw = f.object("terms");
  const t = new FieldReader(f.file, raw, "terms");
  for (const key of Object.keys(raw)) {
    if (!["words", "lists", "caseSensitive", "plurals"].includes(key)) throw new RuleError(f.file, `terms.${key}`, "unknown field");
  }
  const terms = [...(t.optionalStringList("words") ?? [])];
  (t.optionalStringList("lists") ?? []).forEach((listPath, i) => {
    terms.push(...readList(f, `terms.lists[${i}]`, root, listPath, hash));
  });
  if (terms.length === 0) throw new RuleError(f.file, "terms", "no terms (give words or lists)");
  const caseSensitive = t.optionalBoolean("caseSensitive") ?? false;
  const plurals = t.optionalBoolean("plurals") ?? false;
  const prefixes = terms.map(termPrefix);
  return {
    matcher: { name: "terms", regex: termsRegex(terms, caseSensitive, false, plurals), group: 0, sticky: termsRegex(terms, caseSensitive, true, plurals) },
    prefixes: prefixes.every((p) => p !== undefined) ? new Set(prefixes as string[]) : undefined,
  };
}

/** One term a line; '#' starts a comment; blank lines are skipped. */
export function parseTermList(content: string): string[] {
  return content
    .split(/\r?\n/)
    .map((line) => line.replace(/(^|\s)#.*$/, "").trim())
    .filter((line) => line.length > 0);
}

// Only the characters that are special outside a class: with the "u" flag, escaping any other is an error.
const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Plural endings a term may take with `plurals: true`: Dutch -s/-en/-'s, English -s/-es. */
const PLURAL = "(?:s|es|en|'s|’s)?";

/** One alternation of all terms, longest first, matching whole words; spaces match any whitespace. */
export function termsRegex(terms: string[], caseSensitive: boolean, sticky = false, plurals = false): RegExp {
  const unique = [...new Set(terms.map((t) => (caseSensitive ? t : t.toLowerCase())))];
  unique.sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const body = unique.map((t) => t.split(/\s+/).map(escapeRegex).join("\\s+")).join("|");
  // One optional ending after the whole alternation: V8 keeps an alternation of plain words
  // fast, and an ending on each of thousands of terms made the regex six times slower.
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})${plurals ? PLURAL : ""}(?![\\p{L}\\p{N}])`, `${sticky ? "y" : "g"}u${caseSensitive ? "" : "i"}`);
}

/**
 * A regex that finds any of `words` starting at a word boundary, case-insensitively. Inside
 * a word, a space, hyphen or underscore matches any run of those or none: "id-kaart" finds
 * "ID kaart", "id_kaart" and "idkaart" (CRM field names and people spell it every way).
 */
export function wordStartRegex(words: string[]): RegExp {
  const body = [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => {
      // "recept$": the whole word only (not "receptie"); without "$" a word matches as a word start.
      const whole = w.trim().endsWith("$");
      const source = (whole ? w.trim().slice(0, -1) : w.trim()).split(/[\s_-]+/).map(escapeRegex).join("[\\s_\\-]*");
      return whole ? `${source}(?![\\p{L}\\p{N}])` : source;
    })
    .join("|");
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})`, "iu");
}

function compileContext(f: FieldReader, root: string, hash?: ReturnType<typeof createHash>): CompiledRule["context"] {
  if (f.raw.context === undefined) return undefined;
  const raw = f.object("context");
  const c = new FieldReader(f.file, raw, "context");
  for (const key of Object.keys(raw)) {
    if (!["words", "lists", "window", "confidence", "required", "exclude", "excludeLists"].includes(key)) throw new RuleError(f.file, `context.${key}`, "unknown field");
  }
  // Words can also come from list files shared by many rules (a person's context words, the
  // words of news and policy texts), one word a line.
  const words = wordsWithLists(f, c, "context", "words", "lists", root, hash);
  const required = c.optionalBoolean("required") ?? false;
  const exclude = wordsWithLists(f, c, "context", "exclude", "excludeLists", root, hash);
  if (words.length === 0 && exclude.length === 0) throw new RuleError(f.file, "context.words", "needs at least one word");
  const window = c.optionalInteger("window") ?? 100;
  if (window < 1 || window > 10_000) throw new RuleError(f.file, "context.window", "must be between 1 and 10000 characters");
  return {
    // A regex that can never match stands in for an empty word list (only exclude words given).
    words: words.length ? wordStartRegex([...new Set(words)]) : /(?!)/u,
    window,
    confidence: words.length ? c.enumValue("confidence", CONFIDENCE_VALUES) : (c.optionalEnum("confidence", CONFIDENCE_VALUES) ?? "low"),
    required,
    exclude: exclude.length ? wordStartRegex([...new Set(exclude)]) : undefined,
  };
}

function compileHeaders(f: FieldReader, root: string, hash?: ReturnType<typeof createHash>): CompiledRule["headers"] {
  if (f.raw.headers === undefined) return undefined;
  const raw = f.object("headers");
  const h = new FieldReader(f.file, raw, "headers");
  for (const key of Object.keys(raw)) {
    if (!["patterns", "confidence", "exclude", "notes"].includes(key)) throw new RuleError(f.file, `headers.${key}`, "unknown field");
  }
  const compile = (field: string) => (source: string, i: number) => {
    try {
      return new RegExp(source, "iu");
    } catch (err) {
      throw new RuleError(f.file, `headers.${field}[${i}]`, `invalid regular expression: ${(err as Error).message}`);
    }
  };
  let notes: NonNullable<CompiledRule["headers"]>["notes"];
  if (raw.notes !== undefined) {
    // Free-text columns of a person's record (Opmerkingen, Notes, Bijzonderheden): a weaker
    // hint than the rule's own headers, from list files of header regexes shared by rules.
    const rawNotes = h.object("notes");
    const n = new FieldReader(f.file, rawNotes, "headers.notes");
    for (const key of Object.keys(rawNotes)) {
      if (!["lists", "confidence"].includes(key)) throw new RuleError(f.file, `headers.notes.${key}`, "unknown field");
    }
    const sources = n.stringList("lists").flatMap((listPath, i) => readList(f, `headers.notes.lists[${i}]`, root, listPath, hash));
    notes = { patterns: sources.map(compile("notes")), confidence: n.enumValue("confidence", CONFIDENCE_VALUES) };
  }
  return {
    patterns: h.stringList("patterns").map(compile("patterns")),
    confidence: h.enumValue("confidence", CONFIDENCE_VALUES),
    exclude: (h.optionalStringList("exclude") ?? []).map(compile("exclude")),
    notes,
  };
}

function compileColumn(f: FieldReader): CompiledRule["column"] {
  if (f.raw.column === undefined) return undefined;
  const raw = f.object("column");
  const c = new FieldReader(f.file, raw, "column");
  for (const key of Object.keys(raw)) {
    if (!["minShare", "minCells", "confidence", "requireHeader"].includes(key)) throw new RuleError(f.file, `column.${key}`, "unknown field");
  }
  const minShare = c.number("minShare");
  if (!(minShare > 0 && minShare <= 1)) throw new RuleError(f.file, "column.minShare", "must be a share between 0 and 1");
  const minCells = c.optionalInteger("minCells") ?? 3;
  if (minCells < 1) throw new RuleError(f.file, "column.minCells", "must be at least 1");
  return {
    minShare,
    minCells,
    confidence: c.enumValue("confidence", CONFIDENCE_VALUES),
    requireHeader: c.optionalBoolean("requireHeader") ?? false,
  };
}

function compileSupport(f: FieldReader, root: string, hash?: ReturnType<typeof createHash>): CompiledRule["support"] {
  if (f.raw.support === undefined) return undefined;
  const raw = f.object("support");
  const s = new FieldReader(f.file, raw, "support");
  for (const key of Object.keys(raw)) {
    if (!["categories", "window", "confidence", "exclude", "excludeLists"].includes(key)) throw new RuleError(f.file, `support.${key}`, "unknown field");
  }
  const categories = s.stringList("categories");
  categories.forEach((c, i) => {
    if (!isCategory(c)) throw new RuleError(f.file, `support.categories[${i}]`, `unknown category "${c}"`);
  });
  const window = s.optionalInteger("window") ?? 60;
  if (window < 1 || window > 1000) throw new RuleError(f.file, "support.window", "must be between 1 and 1000 characters");
  // Words that void the support: "Kamerlid Jan Paternotte (D66)" names a public figure, not a client.
  const exclude = wordsWithLists(f, s, "support", "exclude", "excludeLists", root, hash);
  return {
    categories: new Set(categories),
    window,
    confidence: s.enumValue("confidence", CONFIDENCE_VALUES),
    exclude: exclude.length ? wordStartRegex([...new Set(exclude)]) : undefined,
  };
}

function compileContains(f: FieldReader): ReadonlySet<string> {
  const list = f.optionalStringList("contains") ?? [];
  list.forEach((c, i) => {
    if (!isCategory(c)) throw new RuleError(f.file, `contains[${i}]`, `unknown category "${c}"`);
  });
  return new Set(list);
}

function compileChild(f: FieldReader, validatorName: string | undefined): CompiledRule["child"] {
  if (f.raw.child === undefined) return undefined;
  if (validatorName !== "date") throw new RuleError(f.file, "child", "needs validator: date (the age comes from the date)");
  const raw = f.object("child");
  const c = new FieldReader(f.file, raw, "child");
  for (const key of Object.keys(raw)) {
    if (!["under", "note"].includes(key)) throw new RuleError(f.file, `child.${key}`, "unknown field");
  }
  const under = c.optionalInteger("under") ?? 16;
  if (under < 1 || under > 25) throw new RuleError(f.file, "child.under", "must be an age between 1 and 25");
  return { under, note: c.string("note") };
}

function compileAllow(f: FieldReader): CompiledRule["allow"] {
  if (f.raw.allow === undefined) return [];
  return f.list("allow").map((item, i) => {
    const at = `allow[${i}]`;
    if (!isObject(item)) throw new RuleError(f.file, at, "must be a mapping with pattern and note");
    const a = new FieldReader(f.file, item, at);
    const source = a.string("pattern");
    try {
      return { pattern: new RegExp(source, "u"), note: a.string("note") };
    } catch (err) {
      throw new RuleError(f.file, `${at}.pattern`, `invalid regular expression: ${(err as Error).message}`);
    }
  });
}

function compileExamples(f: FieldReader): CompiledRule["examples"] {
  const raw = f.object("examples");
  const e = new FieldReader(f.file, raw, "examples");
  for (const key of Object.keys(raw)) {
    if (!["match", "no-match"].includes(key)) throw new RuleError(f.file, `examples.${key}`, "unknown field (match, no-match)");
  }
  const read = (key: string): RuleExample[] =>
    e.list(key).map((item, i) => {
      const at = `examples.${key}[${i}]`;
      if (typeof item === "string") return { text: item };
      if (!isObject(item)) throw new RuleError(f.file, at, "must be a string or a mapping with text");
      const x = new FieldReader(f.file, item, at);
      for (const k of Object.keys(item)) {
        if (!["text", "header", "confidence"].includes(k)) throw new RuleError(f.file, `${at}.${k}`, "unknown field");
      }
      return { text: x.string("text"), header: x.optionalString("header"), confidence: x.optionalEnum("confidence", CONFIDENCE_VALUES) };
    });
  const match = read("match");
  const noMatch = read("no-match");
  if (match.length === 0) throw new RuleError(f.file, "examples.match", "needs at least one example");
  if (noMatch.length === 0) throw new RuleError(f.file, "examples.no-match", "needs at least one example");
  return { match, noMatch };
}

function isObject(v: unknown): v is Raw {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Typed access to a YAML mapping; every failure names the file and the dotted field. */
class FieldReader {
  constructor(
    readonly file: string,
    readonly raw: Raw,
    private readonly prefix = "",
  ) {}

  private at(key: string): string {
    return this.prefix ? `${this.prefix}.${key}` : key;
  }

  private fail(key: string, problem: string): never {
    throw new RuleError(this.file, this.at(key), problem);
  }

  string(key: string): string {
    const v = this.raw[key];
    if (v === undefined || v === null) this.fail(key, "is required");
    if (typeof v !== "string" || v.trim() === "") this.fail(key, "must be a non-empty string");
    return v;
  }

  optionalString(key: string): string | undefined {
    return this.raw[key] === undefined ? undefined : this.string(key);
  }

  number(key: string): number {
    const v = this.raw[key];
    if (typeof v !== "number" || !Number.isFinite(v)) this.fail(key, "must be a number");
    return v;
  }

  optionalInteger(key: string): number | undefined {
    if (this.raw[key] === undefined) return undefined;
    const v = this.number(key);
    if (!Number.isInteger(v)) this.fail(key, "must be a whole number");
    return v;
  }

  optionalBoolean(key: string): boolean | undefined {
    const v = this.raw[key];
    if (v === undefined) return undefined;
    if (typeof v !== "boolean") this.fail(key, "must be true or false");
    return v;
  }

  enumValue<T extends string>(key: string, values: readonly T[]): T {
    const v = this.string(key);
    if (!values.includes(v as T)) this.fail(key, `"${v}" is not one of ${values.join(", ")}`);
    return v as T;
  }

  optionalEnum<T extends string>(key: string, values: readonly T[]): T | undefined {
    return this.raw[key] === undefined ? undefined : this.enumValue(key, values);
  }

  list(key: string): unknown[] {
    const v = this.raw[key];
    if (v === undefined || v === null) this.fail(key, "is required");
    if (!Array.isArray(v)) this.fail(key, "must be a list");
    return v;
  }

  stringList(key: string): string[] {
    return this.list(key).map((item, i) => {
      if (typeof item !== "string" || item.trim() === "") this.fail(`${key}[${i}]`, "must be a non-empty string");
      return item;
    });
  }

  optionalStringList(key: string): string[] | undefined {
    return this.raw[key] === undefined ? undefined : this.stringList(key);
  }

  object(key: string): Raw {
    const v = this.raw[key];
    if (!isObject(v)) this.fail(key, "must be a mapping");
    return v;
  }
}
