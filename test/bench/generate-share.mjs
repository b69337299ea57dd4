// Writes a synthetic file share for the benchmark: mixed CSV/XLSX/DOCX/PDF/TXT files with a
// realistic sprinkling of fake personal data, filling a byte budget. Large files are
// streamed to disk, so memory stays flat whatever the size. Used by bench.mjs.
import { closeSync, mkdirSync, openSync, statSync, writeFileSync, writeSync, createWriteStream } from "node:fs";
import { dirname, join } from "node:path";
import { deflateSync } from "node:zlib";
import ExcelJS from "exceljs";
import { Document, Packer, Paragraph, TextRun } from "docx";
import PDFDocument from "pdfkit";
import { createRng, tools, makePerson, makeBsn, dottedBsn, pad2 } from "../../fixtures/lib/fake-data.mjs";

const MiB = 1024 * 1024;

/** Share of the byte budget per file type. */
const BUDGET = { csv: 0.62, xlsx: 0.14, txt: 0.1, pdf: 0.08, docx: 0.06 };

// Ordinary prose without personal data, for notes, policies and reports.
const SENTENCES = [
  "Het bestuur heeft de plannen voor het komende seizoen besproken.",
  "De zaalverhuur liep dit kwartaal beter dan begroot.",
  "Vrijwilligers hebben de tuin achter het gebouw opnieuw ingericht.",
  "De energiekosten zijn gedaald door de nieuwe isolatie van het dak.",
  "Voor de zomermarkt zijn twintig kramen verhuurd.",
  "De cursus digitale vaardigheden wordt in het najaar herhaald.",
  "Het onderhoud van de centrale verwarming is uitgevoerd volgens planning.",
  "De werkgroep communicatie stelt een nieuwe huisstijl voor.",
  "Het subsidieverzoek voor de speeltuin is ingediend bij de provincie.",
  "De kascommissie heeft de jaarrekening gecontroleerd en akkoord bevonden.",
  "Er komt een nieuwe planning voor het gebruik van de kleine zaal.",
  "Het aantal bezoekers van de inloopochtend is stabiel gebleven.",
  "De bibliotheekhoek krijgt nieuwe boekenkasten.",
  "Het verhuurreglement wordt aangepast aan de nieuwe openingstijden.",
  "De website krijgt een agenda met alle activiteiten van de maand.",
];
const HEALTH = ["diabetes", "hernia", "depressie", "burn-out", "astma", "reuma", "migraine", "epilepsie"];
const PRODUCTS = ["SKU-1001", "SKU-1002", "SKU-2040", "SKU-3310", "SKU-4002", "SKU-5120", "SKU-7781"];
const STATUSES = ["nieuw", "betaald", "verzonden", "geleverd", "geannuleerd"];
const PATHS = ["/", "/agenda", "/zaalhuur", "/contact", "/nieuws", "/lid-worden", "/api/v1/events", "/doneren"];
const FUNCTIONS = ["jongerenwerker", "beheerder", "administratief medewerker", "coordinator", "schoonmaker", "kok"];
const DEPARTMENTS = ["beheer", "jeugd", "administratie", "horeca", "activiteiten"];
const TICKET_TOPICS = ["zaalhuur", "contributie", "nieuwsbrief", "activiteiten", "website", "parkeren"];

/**
 * Generates the share in `dir` (which must exist and be empty) and returns what it wrote:
 * { files, bytes, byType, designed: { none, generic, special } }. `designed` is the
 * classification each file was built to have; a scanner may reasonably differ on a few
 * (a random 9-digit order number passes the BSN 11-check one time in eleven).
 */
export async function generateShare({ dir, sizeMb, seed = 1, log = () => {} }) {
  const t = tools(createRng(seed));
  const target = Math.max(1, sizeMb) * MiB;
  const pool = Array.from({ length: 5000 }, () => makePerson(t, null));
  const person = () => t.pick(pool);
  const stats = { files: 0, bytes: 0, byType: {}, designed: { none: 0, generic: 0, special: 0 } };
  const counters = {};
  let lastLog = 0;

  const newPath = (folder, stem, ext) => {
    counters[stem] = (counters[stem] ?? 0) + 1;
    const year = 2019 + (counters[stem] % 6);
    const rel = join(folder.replace("{year}", String(year)), `${stem}-${String(counters[stem]).padStart(4, "0")}.${ext}`);
    mkdirSync(join(dir, dirname(rel)), { recursive: true });
    return join(dir, rel);
  };
  const record = (file, type, designed) => {
    const size = statSync(file).size;
    stats.files++;
    stats.bytes += size;
    stats.byType[type] = (stats.byType[type] ?? 0) + size;
    stats.designed[designed]++;
    const now = Date.now();
    if (now - lastLog > 2000) { lastLog = now; log(`generated ${(stats.bytes / MiB).toFixed(0)} of ${(target / MiB).toFixed(0)} MB, ${stats.files} files`); }
  };
  const prose = (n) => Array.from({ length: n }, () => t.pick(SENTENCES)).join(" ");
  const date = (y0 = 2019, y1 = 2024) => `${pad2(t.int(1, 28))}-${pad2(t.int(1, 12))}-${t.int(y0, y1)}`;
  const isoTime = () => `2024-${pad2(t.int(1, 12))}-${pad2(t.int(1, 28))}T${pad2(t.int(0, 23))}:${pad2(t.int(0, 59))}:${pad2(t.int(0, 59))}Z`;
  // Benchmark (RFC 2544) and documentation (RFC 3849) ranges: no real hosts.
  const ip = () => (t.chance(0.8) ? `198.${t.int(18, 19)}.${t.int(0, 255)}.${t.int(1, 254)}` : `2001:db8:${t.int(1, 0xffff).toString(16)}::${t.int(1, 0xffff).toString(16)}`);

  // ---------------------------------------------------------------- CSV (streamed in 1 MiB chunks)
  const CSV_KINDS = [
    { weight: 30, stem: "leden-export", folder: "ledenadministratie/{year}", designed: "generic",
      header: "Lidnummer;Voornaam;Tussenvoegsel;Achternaam;Straat;Huisnummer;Postcode;Woonplaats;Telefoon;E-mail;Geboortedatum;IBAN",
      row: (i) => { const p = person(); return `${100000 + i};${p.first};${p.tussenvoegsel};${p.last};${p.street};${p.houseNumber};${p.postcode};${p.city};${p.phone};${p.email};${p.birthDate};${p.iban}`; } },
    { weight: 35, stem: "transacties", folder: "financien/{year}", designed: "none",
      header: "ordernummer,datum,artikel,aantal,bedrag,status",
      row: () => `${t.int(1, 9)}${t.digits(8)},${date(2022, 2024)},${t.pick(PRODUCTS)},${t.int(1, 12)},${t.int(1, 900)}.${pad2(t.int(0, 99))},${t.pick(STATUSES)}` },
    { weight: 10, stem: "webserver", folder: "it/logs", designed: "generic",
      header: "tijdstip,methode,pad,status,duur_ms,ip",
      row: () => `${isoTime()},${t.chance(0.9) ? "GET" : "POST"},${t.pick(PATHS)},${t.chance(0.95) ? 200 : 404},${t.int(3, 900)},${ip()}` },
    { weight: 5, stem: "personeel", folder: "hr/{year}", designed: "special",
      header: "personeelsnummer,naam,bsn,geboortedatum,functie,afdeling,iban",
      row: (i) => { const p = person(); return `${4000 + i},${p.fullName},${makeBsn(t)},${p.birthDate},${t.pick(FUNCTIONS)},${t.pick(DEPARTMENTS)},${p.iban}`; } },
    { weight: 20, stem: "tickets", folder: "klantenservice/{year}", designed: "generic",
      header: "ticketnummer;datum;onderwerp;omschrijving",
      row: (i, flags) => {
        const topic = t.pick(TICKET_TOPICS);
        let text = `Vraag over ${topic}. ${t.pick(SENTENCES)}`;
        const r = t.rng();
        if (r < 0.003) { const p = person(); flags.special = true; text = `Mevrouw ${p.last} meldt dat zij vanwege haar ${t.pick(HEALTH)} de cursus niet kan volgen.`; }
        else if (r < 0.03) { const p = person(); flags.generic = true; text = `Terugbellen naar ${p.phone} of mailen naar ${p.email} over ${topic}.`; }
        return `T-${200000 + i};${date(2023, 2024)};${topic};${text}`;
      } },
  ];

  function writeCsv(kind, bytes) {
    const file = newPath(kind.folder, kind.stem, "csv");
    const fd = openSync(file, "w");
    const flags = {};
    let written = 0;
    let chunk = kind.header + "\r\n";
    for (let i = 0; written + chunk.length < bytes; i++) {
      chunk += kind.row(i, flags) + "\r\n";
      if (chunk.length >= MiB) { written += writeSync(fd, chunk); chunk = ""; }
    }
    writeSync(fd, chunk);
    closeSync(fd);
    const designed = kind.stem === "tickets" ? (flags.special ? "special" : flags.generic ? "generic" : "none") : kind.designed;
    record(file, "csv", designed);
  }

  const pickWeighted = (kinds) => {
    let r = t.rng() * kinds.reduce((s, k) => s + k.weight, 0);
    for (const k of kinds) if ((r -= k.weight) < 0) return k;
    return kinds[kinds.length - 1];
  };

  // ---------------------------------------------------------------- XLSX (exceljs streaming writer)
  // The zip is compressed asynchronously, so the bytes on disk lag the rows written: size
  // the file by rows, from the bytes per row the previous workbooks of the kind came to.
  const bytesPerRow = { donors: 75, stock: 60 };
  async function writeXlsx(bytes) {
    const donors = t.chance(0.6);
    const kind = donors ? "donors" : "stock";
    const file = newPath(donors ? "financien/{year}" : "inkoop/{year}", donors ? "donateurs" : "voorraad", "xlsx");
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
    const sheet = wb.addWorksheet(donors ? "Donateurs" : "Voorraad");
    if (donors) sheet.addRow(["Donateurnr", "Naam", "E-mail", "Telefoon", "Postcode", "Plaats", "IBAN", "Gift"]).commit();
    else sheet.addRow(["Artikel", "Omschrijving", "Locatie", "Aantal", "Prijs", "Besteld"]).commit();
    const rows = Math.max(100, Math.round(bytes / bytesPerRow[kind]));
    for (let i = 0; i < rows; i++) {
      if (donors) { const p = person(); sheet.addRow([`D-${10000 + i}`, p.fullName, p.email, p.phone, p.postcode, p.city, p.iban, t.int(5, 500)]).commit(); }
      else sheet.addRow([t.pick(PRODUCTS), t.pick(SENTENCES), `Magazijn ${t.int(1, 4)}`, t.int(0, 500), t.int(1, 300) + t.int(0, 99) / 100, date(2023, 2024)]).commit();
      if (i % 1000 === 999) await new Promise((r) => setImmediate(r)); // let the zip stream drain
    }
    sheet.commit();
    const summary = wb.addWorksheet("Toelichting");
    summary.addRow([prose(3)]).commit();
    summary.commit();
    await wb.commit();
    bytesPerRow[kind] = statSync(file).size / rows;
    record(file, "xlsx", donors ? "generic" : "none");
  }

  // ---------------------------------------------------------------- DOCX letters and policies
  async function writeDocx() {
    const r = t.rng();
    let kind, paragraphs;
    const p = person();
    if (r < 0.5) {
      kind = "generic";
      paragraphs = [`${p.fullName}`, `${p.street} ${p.houseNumber}`, `${p.postcode} ${p.city}`, "", `Beste ${p.first},`,
        ...Array.from({ length: t.int(4, 12) }, () => prose(t.int(2, 5))),
        `Heeft u vragen? Mail dan naar ledenadministratie@example.org. Wij hebben als uw e-mailadres ${p.email} genoteerd.`,
        "Met vriendelijke groet,", "De ledenadministratie"];
    } else if (r < 0.65) {
      kind = "special";
      paragraphs = [`${p.fullName}`, `${p.street} ${p.houseNumber}`, `${p.postcode} ${p.city}`, "",
        `BSN: ${dottedBsn(makeBsn(t))}`, `Geachte heer/mevrouw ${p.last},`,
        `Bij u is ${t.pick(HEALTH)} vastgesteld. De bedrijfsarts adviseert om uw werk tijdelijk aan te passen.`,
        ...Array.from({ length: t.int(3, 8) }, () => prose(t.int(2, 4))), "Met vriendelijke groet,", "Personeelszaken"];
    } else {
      kind = "none";
      paragraphs = ["Beleidsnotitie", ...Array.from({ length: t.int(40, 160) }, () => prose(t.int(3, 7)))];
    }
    const doc = new Document({ creator: "avg-scan bench", sections: [{ children: paragraphs.map((x) => new Paragraph({ children: [new TextRun(x)] })) }] });
    const file = newPath(kind === "none" ? "secretariaat/beleid" : kind === "special" ? "hr/verzuim/{year}" : "ledenadministratie/brieven/{year}",
      kind === "none" ? "beleidsnotitie" : "brief", "docx");
    writeFileSync(file, await Packer.toBuffer(doc));
    record(file, "docx", kind);
  }

  // ---------------------------------------------------------------- PDF invoices, reports, scans
  const pdfToFile = (file, options, draw) => new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: "A4", margin: 56, compress: false, ...options });
    const out = createWriteStream(file);
    out.on("finish", resolve);
    out.on("error", reject);
    doc.pipe(out);
    doc.font("Helvetica").fontSize(10);
    draw(doc);
    doc.end();
  });

  async function writePdf() {
    const r = t.rng();
    const p = person();
    let kind, file;
    if (r < 0.45) {
      kind = "generic";
      file = newPath("financien/facturen/{year}", "factuur", "pdf");
      await pdfToFile(file, {}, (doc) => {
        doc.text("Stichting Buurthuis (fictief)").text(`Factuur ${t.int(2019, 2024)}-${t.int(1, 999)}`).moveDown();
        doc.text(`Aan: ${p.fullName}`).text(`${p.street} ${p.houseNumber}`).text(`${p.postcode} ${p.city}`).text(`E-mail: ${p.email}`).moveDown();
        for (let i = 0; i < t.int(5, 40); i++) doc.text(`${t.pick(PRODUCTS)} ${t.pick(SENTENCES)} EUR ${t.int(5, 400)},${pad2(t.int(0, 99))}`);
        doc.addPage().text(`Wij schrijven het bedrag af van rekening ${p.iban}.`);
      });
    } else if (r < 0.55) {
      kind = "special";
      file = newPath("hr/verzuim/{year}", "verklaring", "pdf");
      await pdfToFile(file, {}, (doc) => {
        doc.text("Verklaring bedrijfsarts").moveDown().text(`Patiënt: ${p.fullName}, geboren ${p.birthDate}`);
        doc.text(`Bij de patiënt is ${t.pick(HEALTH)} vastgesteld. ${prose(4)}`);
      });
    } else if (r < 0.85) {
      kind = "none";
      file = newPath("secretariaat/jaarverslagen", "jaarverslag", "pdf");
      await pdfToFile(file, {}, (doc) => {
        for (let pg = 0, pages = t.int(3, 20); pg < pages; pg++) {
          if (pg) doc.addPage();
          doc.fontSize(14).text(`Hoofdstuk ${pg + 1}`).fontSize(10).moveDown().text(prose(t.int(30, 60)));
        }
      });
    } else {
      kind = "none"; // an image-only scan: nothing to extract
      file = newPath("archief/scans/{year}", "scan", "pdf");
      const png = noisePng(t, t.int(500, 900), t.int(600, 1100));
      await pdfToFile(file, {}, (doc) => { doc.image(png, 56, 56, { width: 480 }); });
    }
    record(file, "pdf", kind);
  }

  // ---------------------------------------------------------------- TXT notes and logs
  function writeTxt(budgetLeft) {
    const r = t.rng();
    const p = person();
    let kind, file, text;
    if (r < 0.35) {
      kind = "generic";
      file = newPath("klantenservice/notities/{year}", "belnotitie", "txt");
      text = `Belnotitie ${date(2023, 2024)}\n\n${p.fullName} belde over ${t.pick(TICKET_TOPICS)}.\nTerugbellen op ${p.phone}.\n${prose(t.int(2, 8))}\n`;
    } else if (r < 0.4) {
      kind = "special";
      file = newPath("hr/notities/{year}", "notitie", "txt");
      text = `Notitie personeelszaken\n\nMedewerker ${p.fullName} is in ${t.int(2015, 2022)} veroordeeld wegens verduistering; de VOG is geweigerd.\n${prose(3)}\n`;
    } else if (r < 0.75) {
      kind = "none";
      file = newPath("secretariaat/notulen/{year}", "notulen", "txt");
      text = `Notulen werkgroep\n\n${Array.from({ length: t.int(5, 60) }, () => prose(t.int(2, 6))).join("\n\n")}\n`;
    } else {
      kind = "generic";
      file = newPath("it/logs", "app-log", "txt");
      const size = Math.min(budgetLeft, t.int(200 * 1024, 3 * MiB));
      const fd = openSync(file, "w");
      let written = 0, chunk = "";
      while (written + chunk.length < size) {
        const q = person();
        chunk += t.chance(0.3)
          ? `${isoTime()} INFO login ok user=${q.email} ip=${ip()}\n`
          : `${isoTime()} DEBUG request ${t.pick(PATHS)} took ${t.int(2, 800)} ms\n`;
        if (chunk.length >= MiB) { written += writeSync(fd, chunk); chunk = ""; }
      }
      writeSync(fd, chunk);
      closeSync(fd);
      record(file, "txt", kind);
      return;
    }
    writeFileSync(file, text);
    record(file, "txt", kind);
  }

  // ---------------------------------------------------------------- fill the budget
  const used = (type) => stats.byType[type] ?? 0;
  const budget = (type) => BUDGET[type] * target;

  let csvCount = 0;
  while (used("csv") < budget("csv")) {
    const left = budget("csv") - used("csv");
    // Mostly 1-20 MB files (log-uniform), one in three a small export.
    const size = t.chance(0.33) ? t.int(20 * 1024, MiB) : Math.exp(Math.log(MiB) + t.rng() * Math.log(20));
    // Every kind once first, so even a small share has each of them.
    const kind = csvCount < CSV_KINDS.length ? CSV_KINDS[csvCount] : pickWeighted(CSV_KINDS);
    csvCount++;
    writeCsv(kind, Math.max(16 * 1024, Math.min(size, left)));
  }
  while (used("xlsx") < budget("xlsx")) {
    const left = budget("xlsx") - used("xlsx");
    await writeXlsx(Math.max(64 * 1024, Math.min(t.int(2 * MiB, 10 * MiB), left)));
  }
  while (used("docx") < budget("docx")) await writeDocx();
  while (used("pdf") < budget("pdf")) await writePdf();
  while (used("txt") < budget("txt")) writeTxt(budget("txt") - used("txt"));
  return stats;
}

// A grayscale PNG of noise: stands in for a scanned page (incompressible, no text).
function noisePng(t, width, height) {
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width + 1);
    raw[row] = 0;
    for (let x = 1; x <= width; x++) raw[row + x] = 200 + Math.floor(t.rng() * 56);
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0); ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; ihdr[9] = 0; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 1 })), chunk("IEND", Buffer.alloc(0))]);
}

let CRC_TABLE;
function crc32(buf) {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
