// The HTML report opened in headless Chromium (Debian's chromium, installed by .ci/run), the
// way a client opens it: offline, with the totals, the chart, a table that sorts on a click,
// and the failed files. Needs /usr/bin/chromium (or AVG_SCAN_CHROMIUM); without a browser this
// test fails rather than pass silently.
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScanReport } from "../../src/model/types.js";
import { runCli } from "./cli.js";

const T = 120_000;
const CHROMIUM = process.env.AVG_SCAN_CHROMIUM ?? "/usr/bin/chromium";
const out = mkdtempSync(path.join(tmpdir(), "avg-html-"));
let report: ScanReport;
let browser: Browser;
let page: Page;
const requests: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  const json = path.join(out, "r.json");
  const html = path.join(out, "r.html");
  expect(runCli(["scan", "fixtures", "--format", "json", "-o", json, "-q"]).status).toBe(0);
  report = JSON.parse(readFileSync(json, "utf8"));
  const r = runCli(["report", json, "--format", "html", "-o", html]);
  expect(r.status, r.stderr).toBe(0);
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: install Debian's chromium (see .ci/run) or set AVG_SCAN_CHROMIUM`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const context = await browser.newContext({ offline: true, javaScriptEnabled: true });
  page = await context.newPage();
  page.on("request", (req) => requests.push(req.url()));
  page.on("pageerror", (err) => problems.push(String(err)));
  page.on("console", (msg) => {
    if (msg.type() === "error" || msg.type() === "warning") problems.push(msg.text());
  });
  await page.goto(pathToFileURL(html).href);
}, T);

afterAll(async () => {
  await browser?.close();
});

const count = (sel: string) => page.locator(sel).count();
const text = (sel: string) => page.locator(sel).innerText();

describe("HTML report in Chromium", () => {
  it("opens offline: no request but the file itself, no script error", () => {
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatch(/^file:\/\/.*r\.html$/);
    expect(problems).toEqual([]);
  });

  it("shows the totals of the report", async () => {
    const s = report.summary;
    expect(await page.locator("#total-special .n").getAttribute("data-count")).toBe(String(s.byClassification.special));
    expect(await text("#total-special .n")).toBe(String(s.byClassification.special));
    expect(await text("#total-generic .n")).toBe(String(s.byClassification.generic));
    expect(await text("#total-none .n")).toBe(String(s.byClassification.none));
    expect(await text("#total-failed .n")).toBe("3");
    expect(await text("#total-skipped .n")).toBe("2");
    expect(await text("h1")).toBe("Scanrapport persoonsgegevens");
    const bsn = page.locator('#categories tr[data-category="bsn"] td');
    expect(await bsn.nth(0).innerText()).toBe("BSN");
    expect(await bsn.nth(1).innerText()).toBe("bijzonder");
    expect(await bsn.nth(3).innerText()).toBe(String(s.byCategory.bsn));
  });

  it("charts the special files by folder", async () => {
    const bars = page.locator("#chart-special g[data-folder]");
    expect(await bars.count()).toBe(2);
    expect(await bars.nth(0).getAttribute("data-folder")).toBe("hr");
    expect(await bars.nth(0).getAttribute("data-files")).toBe("3");
    expect(await bars.nth(1).getAttribute("data-folder")).toBe("exports/export-2024.zip");
    const box = await page.locator("#chart-special").boundingBox();
    expect(box!.height).toBeGreaterThan(30);
  });

  it("lists the files with masked samples and sorts the table on a click", async () => {
    const withFindings = report.files.filter((f) => f.findings.length > 0).length;
    expect(await count("#file-table tbody tr")).toBe(withFindings);
    expect(await page.locator('#file-table tbody tr[data-classification="special"]').count()).toBe(4);
    const first = await page.locator("#file-table tbody tr").first().locator("td").first().innerText();
    expect(first).toBe("exports/export-2024.zip!/leden-export.csv"); // special first, then by path
    for (const s of await page.locator("#file-table td.samples").allInnerTexts()) {
      for (const sample of s.split(", ").filter(Boolean)) expect(sample).toMatch(/^\*+[^*]{0,2}$/);
    }
    const values = async () => (await page.locator("#file-table tbody tr td:nth-child(5)").allInnerTexts()).map(Number);
    await page.locator("#file-table th", { hasText: "Vondsten" }).click();
    const up = await values();
    expect(up).toEqual([...up].sort((a, b) => a - b));
    await page.locator("#file-table th", { hasText: "Vondsten" }).click();
    const down = await values();
    expect(down).toEqual([...up].sort((a, b) => b - a));
    expect(await page.locator("#file-table th", { hasText: "Vondsten" }).getAttribute("aria-sort")).toBe("descending");
    await page.locator("#file-table th", { hasText: "Pad" }).click();
    const paths = await page.locator("#file-table tbody tr td:nth-child(1)").allInnerTexts();
    expect(paths).toEqual([...paths].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
  });

  it("lists the failed and skipped files with their codes", async () => {
    const rows = page.locator("#problem-table tbody tr");
    expect(await rows.count()).toBe(5);
    const codes = await page.locator("#problem-table tbody tr").evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-code")));
    expect(codes.sort()).toEqual(["BINARY", "CORRUPT", "CORRUPT", "ENCRYPTED", "ZIP_BOMB"]);
    expect(await text("#problems")).toContain("kapot/beveiligd.pdf");
  });
});
