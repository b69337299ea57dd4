import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXTRACTORS, archiveContext } from "../../src/extract/index.js";
import { bufferSource } from "../../src/extract/source.js";
import type { ExtractItem } from "../../src/extract/types.js";
import { collect, ctx, extractTree, makeTempDir, markZipEncrypted, removeDir, sourceFor, zipBuffer } from "./helpers.js";

let dir: string;
const MIB = 1024 * 1024;

beforeAll(async () => {
  dir = makeTempDir("zip");
  const inner = await zipBuffer([{ name: "diep/klanten.csv", data: "naam;email\nAnja;anja@example.nl\n" }]);
  fs.writeFileSync(
    path.join(dir, "a.zip"),
    await zipBuffer([
      { name: "x.csv", data: "naam,telefoon\nJan,0612345678\n" },
      { name: "__MACOSX/._x.csv", data: "junk" },
      { name: "inner.zip", data: inner, compress: false },
      { name: "notes.txt", data: "Bel Piet terug" },
    ]),
  );
  fs.writeFileSync(
    path.join(dir, "bomb.zip"),
    await zipBuffer([
      { name: "readme.txt", data: "hallo" },
      { name: "zeros.bin", data: Buffer.alloc(50 * MIB) },
    ]),
  );
  // nesting: level1.zip ⊃ level2.zip ⊃ level3.zip ⊃ level4.zip ⊃ deep.txt
  let nested = await zipBuffer([{ name: "deep.txt", data: "heel diep" }]);
  for (const level of [4, 3, 2]) nested = await zipBuffer([{ name: `level${level}.zip`, data: nested, compress: false }, { name: `at${level - 1}.txt`, data: `niveau ${level - 1}` }]);
  fs.writeFileSync(path.join(dir, "level1.zip"), nested);
  fs.writeFileSync(path.join(dir, "secret.zip"), markZipEncrypted(await zipBuffer([{ name: "geheim.txt", data: "vertrouwelijk", compress: true }])));
  fs.writeFileSync(path.join(dir, "broken.zip"), (await zipBuffer([{ name: "x.txt", data: "x".repeat(1000) }])).subarray(0, 60));
  fs.writeFileSync(
    path.join(dir, "many.zip"),
    await zipBuffer(Array.from({ length: 10 }, (_, i) => ({ name: `f${i}.txt`, data: `bestand ${i}` }))),
  );
});
afterAll(() => removeDir(dir));

describe("zip extractor", () => {
  it("yields members as children with archive paths, recursing into nested zips", async () => {
    const tree = await extractTree(await sourceFor(dir, "a.zip"), ctx());
    expect(tree.map((e) => `${e.path} ${e.format} ${e.status}`)).toEqual([
      "a.zip zip scanned",
      "a.zip!/x.csv csv scanned",
      "a.zip!/inner.zip zip scanned",
      "a.zip!/inner.zip!/diep/klanten.csv csv scanned",
      "a.zip!/notes.txt txt scanned",
    ]);
    expect(tree[1].units.map((u) => u.text)).toEqual(["naam", "telefoon", "Jan", "0612345678"]);
    expect(tree[3].units.map((u) => u.text)).toContain("anja@example.nl");
  });

  it("gives children depth, size and the member's modification time", async () => {
    const items = await collect(EXTRACTORS.zip.extract(await sourceFor(dir, "a.zip"), ctx()));
    const children = items.flatMap((i) => (i.type === "child" ? [i.source] : []));
    expect(children.map((c) => c.path)).toEqual(["a.zip!/x.csv", "a.zip!/inner.zip", "a.zip!/notes.txt"]);
    expect(children.every((c) => c.depth === 1 && c.filePath === undefined)).toBe(true);
    expect(children[2].size).toBe("Bel Piet terug".length);
    expect(children[2].modifiedAt.toISOString()).toBe("2024-03-01T12:00:00.000Z");
  });

  it("skips a highly compressed member as ZIP_BOMB and goes on", async () => {
    const items = await collect(EXTRACTORS.zip.extract(await sourceFor(dir, "bomb.zip"), ctx()));
    const bomb = items.find((i) => i.type === "child-error") as Extract<ExtractItem, { type: "child-error" }>;
    expect(bomb).toMatchObject({ path: "bomb.zip!/zeros.bin", status: "skipped", code: "ZIP_BOMB", size: 50 * MIB });
    expect(bomb.message).toMatch(/compression ratio \d+:1/);
    expect(items.some((i) => i.type === "child" && i.source.path === "bomb.zip!/readme.txt")).toBe(true);
  });

  it("does not open archives nested deeper than maxArchiveDepth", async () => {
    const tree = await extractTree(await sourceFor(dir, "level1.zip"), ctx({ maxArchiveDepth: 3 }));
    const byPath = new Map(tree.map((e) => [e.path, e]));
    expect(byPath.get("level1.zip!/level2.zip!/level3.zip!/at3.txt")?.status).toBe("scanned");
    const level4 = byPath.get("level1.zip!/level2.zip!/level3.zip!/level4.zip");
    expect(level4).toMatchObject({ status: "skipped", code: "ARCHIVE_LIMIT" });
    expect([...byPath.keys()].some((p) => p.endsWith("deep.txt"))).toBe(false);
    // the depth check comes before opening
    const deep = bufferSource("x.zip", fs.readFileSync(path.join(dir, "a.zip")), new Date(), 3);
    await expect(collect(EXTRACTORS.zip.extract(deep, ctx({ maxArchiveDepth: 3 })))).rejects.toMatchObject({ code: "ARCHIVE_LIMIT", status: "skipped" });
  });

  it("reports encrypted members as failed ENCRYPTED", async () => {
    const items = await collect(EXTRACTORS.zip.extract(await sourceFor(dir, "secret.zip"), ctx()));
    expect(items).toEqual([
      expect.objectContaining({ type: "child-error", path: "secret.zip!/geheim.txt", status: "failed", code: "ENCRYPTED" }),
    ]);
  });

  it("reports a broken archive as CORRUPT", async () => {
    await expect(collect(EXTRACTORS.zip.extract(await sourceFor(dir, "broken.zip"), ctx()))).rejects.toMatchObject({ code: "CORRUPT" });
    const mem = bufferSource("m.zip", Buffer.from("PK\x03\x04 not really"), new Date(), 0);
    await expect(collect(EXTRACTORS.zip.extract(mem, ctx()))).rejects.toMatchObject({ code: "CORRUPT" });
  });

  it("enforces the entries budget, shared by nested archives", async () => {
    const items = await collect(EXTRACTORS.zip.extract(await sourceFor(dir, "many.zip"), ctx({ maxArchiveEntries: 4 })));
    expect(items.filter((i) => i.type === "child")).toHaveLength(4);
    const limit = items.filter((i) => i.type === "child-error");
    expect(limit).toEqual([expect.objectContaining({ path: "many.zip!/f4.txt", status: "skipped", code: "ARCHIVE_LIMIT" })]);

    // a.zip has 3 members + 1 in inner.zip: with a budget of 3 the inner member or the last one is refused
    const tree = await extractTree(await sourceFor(dir, "a.zip"), ctx({ maxArchiveEntries: 3 }));
    expect(tree.filter((e) => e.status === "scanned" && e.path !== "a.zip")).toHaveLength(3);
    expect(tree.filter((e) => e.code === "ARCHIVE_LIMIT")).toHaveLength(1);
  });

  it("enforces the bytes budget and the member size limit", async () => {
    const items = await collect(EXTRACTORS.zip.extract(await sourceFor(dir, "many.zip"), ctx({ maxArchiveBytes: 30 })));
    expect(items.filter((i) => i.type === "child")).toHaveLength(3); // "bestand N" is 9 bytes
    expect(items.filter((i) => i.type === "child-error" && i.code === "ARCHIVE_LIMIT").length).toBe(7);
    const big = await collect(EXTRACTORS.zip.extract(await sourceFor(dir, "bomb.zip"), ctx({ maxFileSize: MIB })));
    expect(big.find((i) => i.type === "child-error")).toMatchObject({ code: "TOO_LARGE", status: "skipped" });
  });

  it("shares the budget through archiveContext or through the child source", async () => {
    const context = archiveContext(ctx({ maxArchiveEntries: 100 }));
    expect(context.budget).toEqual({ bytesLeft: context.limits.maxArchiveBytes, entriesLeft: 100 });
    await extractTree(await sourceFor(dir, "a.zip"), context);
    expect(context.budget!.entriesLeft).toBe(96); // 3 members + 1 nested member

    // without an explicit budget, a nested zip finds its parent's budget through the child Source
    const items = await collect(EXTRACTORS.zip.extract(await sourceFor(dir, "a.zip"), ctx()));
    const inner = items.flatMap((i) => (i.type === "child" && i.source.path.endsWith("inner.zip") ? [i.source] : []))[0];
    expect(archiveContext(ctx(), inner).budget!.entriesLeft).toBe(ctx().limits.maxArchiveEntries - 3);
  });
});
