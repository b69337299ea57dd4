import { Readable } from "node:stream";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeStream, detectEncoding, isValidUtf8 } from "../../src/extract/decode.js";

async function readAll(r: Readable): Promise<string> {
  let s = "";
  for await (const chunk of r) s += chunk as string;
  return s;
}

describe("detectEncoding", () => {
  it("recognises BOMs", () => {
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x61]))).toBe("utf8");
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x61, 0x00]))).toBe("utf16le");
    expect(detectEncoding(Buffer.from([0xfe, 0xff, 0x00, 0x61]))).toBe("utf16be");
  });

  it("recognises UTF-16 without BOM by its NUL bytes", () => {
    expect(detectEncoding(iconv.encode("naam;email\nJan;jan@example.nl\n", "utf16le"))).toBe("utf16le");
    expect(detectEncoding(iconv.encode("naam;email\nJan;jan@example.nl\n", "utf16be"))).toBe("utf16be");
  });

  it("takes valid UTF-8 (and ASCII) as utf8, ignoring a character cut at the end", () => {
    expect(detectEncoding(Buffer.from("plain ascii"))).toBe("utf8");
    const s = Buffer.from("Zoë en René betalen €5");
    expect(detectEncoding(s)).toBe("utf8");
    // cut in the middle of the 3-byte euro sign
    expect(detectEncoding(s.subarray(0, s.length - 2))).toBe("utf8");
    expect(isValidUtf8(Buffer.from([0xc3]))).toBe(true);
  });

  it("falls back to windows-1252 for invalid UTF-8", () => {
    expect(detectEncoding(iconv.encode("Zoë;René;€ 12,50", "windows-1252"))).toBe("windows1252");
    expect(isValidUtf8(Buffer.from([0xc0, 0x80]))).toBe(false); // overlong
    expect(isValidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(false); // surrogate
  });
});

describe("decodeStream", () => {
  it("decodes windows-1252 including 0x80 as the euro sign", async () => {
    const bytes = Buffer.from([0x80, 0x20, 0xe9, 0xeb]);
    expect(await readAll(decodeStream(Readable.from([bytes]), "windows1252"))).toBe("€ éë");
  });

  it("strips the BOM and handles characters split over chunks", async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("café €")]);
    const chunks = [bytes.subarray(0, 2), bytes.subarray(2, 7), bytes.subarray(7, 9), bytes.subarray(9)];
    expect(await readAll(decodeStream(Readable.from(chunks), "utf8"))).toBe("café €");
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode("hé", "utf16le")]);
    expect(await readAll(decodeStream(Readable.from([le]), "utf16le"))).toBe("hé");
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode("hé", "utf16be")]);
    expect(await readAll(decodeStream(Readable.from([be]), "utf16be"))).toBe("hé");
  });

  it("propagates errors of the input stream", async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error("disk on fire"));
      },
    });
    await expect(readAll(decodeStream(failing, "utf8"))).rejects.toThrow("disk on fire");
  });
});
