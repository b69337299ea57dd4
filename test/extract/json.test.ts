import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXTRACTORS } from "../../src/extract/index.js";
import type { TextUnit } from "../../src/model/types.js";
import { collect, ctx, extractUnits, makeTempDir, removeDir, sourceFor } from "./helpers.js";

let dir: string;
const write = (name: string, data: string) => fs.writeFileSync(path.join(dir, name), data);
const brief = (units: TextUnit[]) => units.map((u) => `${u.loc.row}|${u.table?.column}|${u.table?.header ?? ""}|${u.text}`);

beforeAll(() => {
  dir = makeTempDir("json");
  write(
    "records.json",
    JSON.stringify([
      { naam: "Jan", email: "jan@example.nl", actief: true, tags: ["klant", "vip"] },
      { naam: "Piet", contact: { email: "piet@example.nl", telefoon: "0612345678" }, leeftijd: 42, notitie: null },
    ]),
  );
  write(
    "nested.json",
    `{"meta": {"export": "crm", "count": 2},
      "data": [{"name": "Anja", "iban": "NL91ABNA0417164300"}, {"name": "Kees", "address": {"city": "Delft"}}],
      "more": [{"id": 7}]}`,
  );
  write("object.json", '{"user": {"name": "Els", "phones": ["0201234567", "0612345678"]}, "big": 12345678901234567890, "f": 1.50}');
  write("bad.json", '[{"naam": "Jan"}, {"naam": ');
  write("people.ndjson", '{"naam": "Jan", "email": "jan@example.nl"}\n\n{"naam": "Piet", "adres": {"plaats": "Ede"}}\nnot json\n{"naam": "Els", "n": 31612345678}\n');
  write("allbad.jsonl", "nope\nstill no\n");
});
afterAll(() => removeDir(dir));

describe("json extractor", () => {
  it("flattens an array of records; row = element, header = key path without indices", async () => {
    const units = await extractUnits(await sourceFor(dir, "records.json"));
    expect(units.every((u) => u.kind === "field")).toBe(true);
    expect(brief(units)).toEqual([
      "1|0|naam|Jan",
      "1|1|email|jan@example.nl",
      "1|2|tags|klant",
      "1|2|tags|vip",
      "2|0|naam|Piet",
      "2|3|contact.email|piet@example.nl",
      "2|4|contact.telefoon|0612345678",
      "2|5|leeftijd|42",
    ]);
    expect(units[1]).toEqual({
      kind: "field",
      text: "jan@example.nl",
      loc: { row: 1, field: "email" },
      table: { column: 1, header: "email" },
    });
  });

  it("counts the records of a top-level object's array of objects", async () => {
    const units = await extractUnits(await sourceFor(dir, "nested.json"));
    expect(brief(units)).toEqual([
      "1|0|meta.export|crm",
      "1|1|meta.count|2",
      "1|2|name|Anja",
      "1|3|iban|NL91ABNA0417164300",
      "2|2|name|Kees",
      "2|4|address.city|Delft",
      "1|5|more.id|7",
    ]);
  });

  it("uses row 1 for a top-level object and keeps numbers as written", async () => {
    const units = await extractUnits(await sourceFor(dir, "object.json"));
    expect(brief(units)).toEqual([
      "1|0|user.name|Els",
      "1|1|user.phones|0201234567",
      "1|1|user.phones|0612345678",
      "1|2|big|12345678901234567890",
      "1|3|f|1.50",
    ]);
  });

  it("reports invalid JSON as CORRUPT", async () => {
    const err = await collect(EXTRACTORS.json.extract(await sourceFor(dir, "bad.json"), ctx())).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "CORRUPT", status: "failed" });
    expect((err as Error).message).toMatch(/^invalid JSON/);
  });
});

describe("ndjson extractor", () => {
  it("flattens each line; row = line number; bad lines are skipped", async () => {
    const units = await extractUnits(await sourceFor(dir, "people.ndjson"));
    expect(brief(units)).toEqual([
      "1|0|naam|Jan",
      "1|1|email|jan@example.nl",
      "3|0|naam|Piet",
      "3|2|adres.plaats|Ede",
      "5|0|naam|Els",
      "5|3|n|31612345678",
    ]);
  });

  it("reports a file without any valid line as CORRUPT", async () => {
    const err = await collect(EXTRACTORS.ndjson.extract(await sourceFor(dir, "allbad.jsonl"), ctx())).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "CORRUPT" });
  });
});
