// HTML: htmlparser2's streaming Parser over the decoded text; visible text plus mailto:/tel:
// targets, block elements and <br> end a line. loc.line is the line of the extracted text.
import { Parser } from "htmlparser2";
import type { ExtractItem, Extractor, Source } from "./types.js";
import { toExtractError } from "./errors.js";
import { decodedText } from "./text.js";
import { ProseBuffer, proseItem, type ProseChunk } from "./units.js";

const SKIP = new Set(["script", "style", "noscript", "template"]);
const BLOCK = new Set([
  "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details", "div", "dl", "dt",
  "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header",
  "hr", "html", "legend", "li", "main", "nav", "ol", "option", "p", "pre", "section", "summary", "table",
  "tbody", "tfoot", "thead", "title", "tr", "ul",
]);
const CELL = new Set(["td", "th"]);
const MAX_LINE_CHARS = 256 * 1024;

/** The address of a mailto:/tel: link, URL-decoded and without query. */
export function linkTarget(href: string): string | undefined {
  const m = /^\s*(mailto|tel):([^?#]*)/i.exec(href);
  if (!m) return undefined;
  let target = m[2];
  try {
    target = decodeURIComponent(target);
  } catch {
    /* keep it as written */
  }
  target = target.trim();
  return target || undefined;
}

/** Collects the visible text of an HTML document as lines. */
class HtmlText {
  /** Finished lines not yet taken. */
  lines: string[] = [];
  private current = "";
  private skipDepth = 0;
  private preDepth = 0;
  private links: Array<{ target: string | undefined; text: string }> = [];

  endLine(): void {
    const line = this.current.trim();
    if (line !== "") this.lines.push(line);
    this.current = "";
  }

  private append(text: string): void {
    if (text === "") return;
    for (const link of this.links) link.text += text;
    if (this.current.endsWith(" ") && text.startsWith(" ")) this.current += text.slice(1);
    else this.current += text;
    // Minified pages without block elements: bound the line (the break is a fake one).
    if (this.current.length > MAX_LINE_CHARS) this.endLine();
  }

  onopentag(name: string, attribs: Record<string, string>): void {
    if (SKIP.has(name)) {
      this.skipDepth++;
      return;
    }
    if (name === "pre" || name === "textarea") this.preDepth++;
    if (BLOCK.has(name)) this.endLine();
    else if (CELL.has(name) && this.current.trim() !== "") this.append(" \t ");
    if (name === "a") this.links.push({ target: attribs.href ? linkTarget(attribs.href) : undefined, text: "" });
    if (name === "img" && attribs.alt) this.append(` ${attribs.alt} `);
  }

  ontext(data: string): void {
    if (this.skipDepth > 0) return;
    if (this.preDepth > 0) {
      const parts = data.split(/\r?\n/);
      parts.forEach((part, i) => {
        if (i > 0) this.endLine();
        this.append(part);
      });
      return;
    }
    this.append(data.replace(/\s+/g, " "));
  }

  onclosetag(name: string): void {
    if (SKIP.has(name)) {
      if (this.skipDepth > 0) this.skipDepth--;
      return;
    }
    if (name === "pre" || name === "textarea") this.preDepth = Math.max(0, this.preDepth - 1);
    if (name === "a") {
      const link = this.links.pop();
      if (link?.target && !link.text.includes(link.target)) this.append(` ${link.target} `);
    }
    if (BLOCK.has(name)) this.endLine();
  }

  take(): string[] {
    const out = this.lines;
    this.lines = [];
    return out;
  }
}

export const htmlExtractor: Extractor = {
  format: "html",
  async *extract(source: Source): AsyncGenerator<ExtractItem> {
    const collector = new HtmlText();
    const parser = new Parser(
      {
        onopentag: (name, attribs) => collector.onopentag(name, attribs),
        ontext: (data) => collector.ontext(data),
        onclosetag: (name) => collector.onclosetag(name),
      },
      { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
    );
    const prose = new ProseBuffer();
    let lineNo = 0;
    const drain = function* (lines: string[]): Generator<ExtractItem> {
      for (const line of lines) {
        yield* items(prose.add(line, ++lineNo));
      }
    };
    const text = decodedText(source);
    try {
      for await (const chunk of text) {
        parser.write(chunk as string);
        yield* drain(collector.take());
      }
      parser.end();
      collector.endLine();
      yield* drain(collector.take());
      yield* items(prose.flush());
    } catch (err) {
      throw toExtractError(err, "cannot read HTML");
    } finally {
      text.destroy();
    }
  },
};

function* items(chunks: ProseChunk[]): Generator<ExtractItem> {
  for (const c of chunks) {
    const item = proseItem(c.text, c.line);
    if (item) yield item;
  }
}
