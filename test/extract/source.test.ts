import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bufferSource, fileSource, fsErrorToExtractError } from "../../src/extract/source.js";
import { toExtractError } from "../../src/extract/index.js";
import { ExtractError, HEAD_BYTES } from "../../src/extract/types.js";
import { makeTempDir, removeDir } from "./helpers.js";

let dir: string;
beforeAll(() => {
  dir = makeTempDir("source");
  fs.writeFileSync(path.join(dir, "big.txt"), Buffer.alloc(HEAD_BYTES + 1000, 0x61));
  fs.writeFileSync(path.join(dir, "small.txt"), "hallo");
});
afterAll(() => removeDir(dir));

async function readStream(s: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe("fileSource", () => {
  it("reads the head, streams and buffers the whole file, any number of times", async () => {
    const abs = path.join(dir, "big.txt");
    const st = fs.statSync(abs);
    const src = await fileSource(abs, "big.txt", { size: st.size, mtime: st.mtime });
    expect(src.path).toBe("big.txt");
    expect(src.depth).toBe(0);
    expect(src.filePath).toBe(abs);
    expect(src.head.length).toBe(HEAD_BYTES);
    expect((await readStream(src.stream())).length).toBe(st.size);
    expect((await readStream(src.stream())).length).toBe(st.size);
    expect((await src.buffer(st.size)).length).toBe(st.size);
    const tooLarge = await src.buffer(100).catch((e: unknown) => e);
    expect(tooLarge).toBeInstanceOf(ExtractError);
    expect((tooLarge as ExtractError).code).toBe("TOO_LARGE");
  });

  it("gives a short head for a short file", async () => {
    const abs = path.join(dir, "small.txt");
    const st = fs.statSync(abs);
    const src = await fileSource(abs, "small.txt", { size: st.size, mtime: st.mtime });
    expect(src.head.toString()).toBe("hallo");
  });

  it("maps a missing file to ENOENT", async () => {
    const err = await fileSource(path.join(dir, "gone.txt"), "gone.txt", { size: 1, mtime: new Date() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExtractError);
    expect((err as ExtractError).code).toBe("ENOENT");
  });
});

describe("bufferSource", () => {
  it("serves a buffer as a source", async () => {
    const src = bufferSource("a.zip!/x.txt", Buffer.from("abc"), new Date(0), 1);
    expect(src.size).toBe(3);
    expect(src.depth).toBe(1);
    expect(src.filePath).toBeUndefined();
    expect((await readStream(src.stream())).toString()).toBe("abc");
    await expect(src.buffer(2)).rejects.toMatchObject({ code: "TOO_LARGE" });
  });
});

describe("error mapping", () => {
  const sys = (code: string) => Object.assign(new Error(`${code}: oops`), { code, syscall: "open", errno: -1 });
  it("maps fs errors", () => {
    expect(fsErrorToExtractError(sys("EACCES")).code).toBe("EACCES");
    expect(fsErrorToExtractError(sys("EPERM")).code).toBe("EACCES");
    expect(fsErrorToExtractError(sys("ENOENT")).code).toBe("ENOENT");
    expect(fsErrorToExtractError(sys("EIO")).code).toBe("EIO");
  });
  it("maps unknown errors to CORRUPT and keeps ExtractErrors", () => {
    expect(toExtractError(new Error("bad")).code).toBe("CORRUPT");
    expect(toExtractError(sys("EIO")).code).toBe("EIO");
    const e = new ExtractError("ENCRYPTED", "x");
    expect(toExtractError(e)).toBe(e);
  });
});
