import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { htmlExtractor, linkTarget } from "../../src/extract/html.js";
import { collect, ctx, extractUnits, makeTempDir, removeDir, sourceFor, unitsOf } from "./helpers.js";

let dir: string;

beforeAll(() => {
  dir = makeTempDir("html");
  fs.writeFileSync(
    path.join(dir, "pagina.html"),
    `<!DOCTYPE html>
<html><head><title>Contact</title>
<style>body { font-family: "Jan Jansen"; }</style>
<script>var secret = "piet@example.nl";</script>
</head>
<body>
  <h1>Ons   team</h1>
  <p>Mail <a href="mailto:anja%40example.nl?subject=Hoi">Anja</a> of bel
     <a href="tel:+31201234567">ons kantoor</a>.<br>Tweede regel &amp; meer</p>
  <noscript>Zet JavaScript aan</noscript>
  <table><tr><td>Kees</td><td>de Vries</td></tr><tr><td>Els</td><td>Bos</td></tr></table>
  <p><a href="mailto:els@example.nl">els@example.nl</a></p>
</body></html>`,
  );
});
afterAll(() => removeDir(dir));

describe("html extractor", () => {
  it("extracts visible text and mailto/tel targets, line by line", async () => {
    const units = await extractUnits(await sourceFor(dir, "pagina.html"));
    expect(units).toHaveLength(1);
    const [u] = units;
    expect(u.kind).toBe("prose");
    expect(u.loc).toEqual({ line: 1 });
    expect(u.text.split("\n")).toEqual([
      "Contact",
      "Ons team",
      "Mail Anja anja@example.nl of bel ons kantoor +31201234567 .",
      "Tweede regel & meer",
      "Kees \t de Vries",
      "Els \t Bos",
      "els@example.nl",
    ]);
    expect(u.text).not.toContain("piet@example.nl");
    expect(u.text).not.toContain("font-family");
    expect(u.text).not.toContain("JavaScript");
  });

  it("parses links", () => {
    expect(linkTarget("mailto:jan%40example.nl?cc=x")).toBe("jan@example.nl");
    expect(linkTarget("tel:+31 20 123")).toBe("+31 20 123");
    expect(linkTarget("https://example.nl")).toBeUndefined();
  });

  it("streams large pages in units of bounded size", async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `<p>Persoon ${i + 1} woont in Utrecht en heeft een lange beschrijving</p>`).join("\n");
    fs.writeFileSync(path.join(dir, "groot.htm"), `<html><body>${rows}</body></html>`);
    const units = unitsOf(await collect(htmlExtractor.extract(await sourceFor(dir, "groot.htm"), ctx())));
    expect(units.length).toBeGreaterThan(1);
    let expected = 1;
    for (const u of units) {
      expect(u.text.length).toBeLessThanOrEqual(64 * 1024);
      expect(u.loc.line).toBe(expected);
      expect(u.text.startsWith(`Persoon ${expected} `)).toBe(true);
      expected += u.text.split("\n").length;
    }
    expect(expected).toBe(5001);
  });
});
