import { linkSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { RootError, walkRoots } from "../../src/walk/walk.js";

let root: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), "avg-walk-"));
  const put = (rel: string, content = "x") => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), content);
  };
  put("b.txt");
  put("a/z.csv");
  put("a/y.log");
  put(".git/config");
  put("node_modules/pkg/index.js");
  put("geheim/niet-scannen.txt");
  put("groot.bin", "x".repeat(2000));
  put(".avgscanignore", "# comment\n/geheim/\n*.log\n");
  symlinkSync(path.join(root, "b.txt"), path.join(root, "link.txt"));
  linkSync(path.join(root, "b.txt"), path.join(root, "c-hardlink.txt"));
});

describe("walkRoots", () => {
  it("lists files sorted, POSIX and relative, without tooling folders or ignored files", async () => {
    const { entries, skipped } = await walkRoots([root], { maxFileSize: 1000 });
    expect(entries.map((e) => e.path)).toEqual(["a/z.csv", "b.txt"]);
    expect(skipped.map((s) => [s.path, s.status, s.error?.code])).toEqual([
      ["groot.bin", "skipped", "TOO_LARGE"],
      ["link.txt", "skipped", "SYMLINK"],
    ]);
  });

  it("follows links when asked, and still reads a file once", async () => {
    const { entries } = await walkRoots([root], { maxFileSize: 1000, followSymlinks: true });
    // link.txt and c-hardlink.txt are the same file as b.txt: listed once.
    expect(entries.map((e) => e.path)).toEqual(["a/z.csv", "b.txt"]);
  });

  it("honours --include and --exclude globs at any depth", async () => {
    const inc = await walkRoots([root], { maxFileSize: 1000, include: ["*.csv"] });
    expect(inc.entries.map((e) => e.path)).toEqual(["a/z.csv"]);
    const exc = await walkRoots([root], { maxFileSize: 1000, exclude: ["*.csv"] });
    expect(exc.entries.map((e) => e.path)).toEqual(["b.txt"]);
  });

  it("accepts a single file as a root, and several roots without clashing paths", async () => {
    const single = await walkRoots([path.join(root, "a", "z.csv")], { maxFileSize: 1000 });
    expect(single.entries.map((e) => e.path)).toEqual(["z.csv"]);
    const two = await walkRoots([path.join(root, "a"), root], { maxFileSize: 1000 });
    expect(two.entries.map((e) => e.path)).toEqual(["a/y.log", "a/z.csv", expect.stringMatching(/^avg-walk-/)]);
  });

  it("fails clearly on a missing root", async () => {
    await expect(walkRoots([path.join(root, "bestaat-niet")], { maxFileSize: 1000 })).rejects.toThrow(RootError);
  });
});
