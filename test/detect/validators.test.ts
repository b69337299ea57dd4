import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import {
  VALIDATORS,
  isValidBeNationalNumber,
  isValidBsn,
  isValidDate,
  isValidEmail,
  isValidIban,
  isValidIpv4,
  isValidIpv6,
  isValidLuhn,
  IBAN_LENGTHS,
  mod97,
  parseDate,
  isValidMrz,
  mrzCheckDigit,
  isValidNlLicensePlate,
  nlSidecode,
  isValidNlDocumentNumber,
  isValidE164,
  e164CountryCode,
} from "../../src/detect/validators/index.js";

describe("VALIDATORS registry", () => {
  it("has every validator name that docs/rules.md lists", () => {
    expect(Object.keys(VALIDATORS).sort()).toEqual(
      [
        "date", "elfproef", "email", "ipv4", "ipv6", "luhn", "mod97-be-nn", "mod97-iban",
        "mrz", "license-plate-nl", "nl-document-number", "phone-e164", "be-eid-card",
      ].sort(),
    );
  });
  it("never throws on junk input", () => {
    for (const fn of Object.values(VALIDATORS)) {
      for (const junk of ["", " ", "abc", "∞", "0".repeat(500), undefined as unknown as string, null as unknown as string]) {
        expect(() => fn(junk)).not.toThrow();
        expect(fn(junk)).toBe(false);
      }
    }
  });
});

describe("elfproef (BSN)", () => {
  // 123456782: worked example of the 11-check on calaris.nl ("BSN 11-proef valideren").
  // 249566758: worked example ("fictief nummer") on privacynieuws.nl ("Wie gebruiken uw burgerservicenummer").
  // 111222333: widely used Dutch test BSN; 9*1+8*1+7*1+6*2+5*2+4*2+3*3+2*3-3 = 66 = 6*11.
  it.each(["111222333", "123456782", "249566758", "999999990"])("accepts %s", (v) => {
    expect(isValidBsn(v)).toBe(true);
  });
  it("accepts an 8-digit BSN whose leading zero was lost", () => {
    expect(isValidBsn("10000008")).toBe(true); // 010000008
    expect(isValidBsn("010000008")).toBe(true);
  });
  it("is defensive about separators left in the value", () => {
    expect(isValidBsn("123.456.782")).toBe(true);
    expect(isValidBsn("123 456 782")).toBe(true);
  });
  it.each(["123456789", "111222334", "249566757", "000000000", "00000000", "12345678", "1234567890", "12345678a", ""])(
    "rejects %s",
    (v) => {
      expect(isValidBsn(v)).toBe(false);
    },
  );
});

describe("mod97-iban", () => {
  // Examples of the SWIFT IBAN Registry (ISO 13616) and of the ECBS / EPC IBAN documentation
  // (GB82WEST12345698765432 is the ECBS "IBAN: Standard Implementation Guidelines" example).
  const documented = [
    "NL91ABNA0417164300",
    "BE68539007547034",
    "DE89370400440532013000",
    "GB82WEST12345698765432",
    "GB29NWBK60161331926819",
    "FR1420041010050500013M02606",
    "ES9121000418450200051332",
    "AT611904300234573201",
    "CH9300762011623852957",
    "LU280019400644750000",
    "NO9386011117947",
    "MT84MALT011000012345MTLCAST001S",
    "IT60X0542811101000000123456",
    "PL61109010140000071219812874",
  ];
  it.each(documented)("accepts the documented example %s", (v) => {
    expect(isValidIban(v)).toBe(true);
  });
  it("accepts lowercase and grouped input defensively", () => {
    expect(isValidIban("nl91 abna 0417 1643 00")).toBe(true);
    expect(isValidIban("BE68 5390 0754 7034")).toBe(true);
  });
  it.each([
    "NL91ABNA0417164301", // last digit changed
    "NL91ABNA0417164310", // two digits swapped
    "BE68539007547035",
    "DE89370400440532013001",
    "GB82WEST12345698765433",
    "GB82WEST1234569876543", // too short for GB
    "NL91ABNA04171643000", // too long for NL
    "XX91ABNA0417164300", // no such country
    "US64SVBKUS6S3300958879", // the US has no IBAN
    "NL00ABNA0417164300",
    "NL9",
  ])("rejects %s", (v) => {
    expect(isValidIban(v)).toBe(false);
  });
  it("knows the registry lengths of the Benelux and neighbours", () => {
    expect(IBAN_LENGTHS).toMatchObject({ NL: 18, BE: 16, LU: 20, DE: 22, FR: 27, GB: 22, NO: 15, LC: 32, RU: 33 });
  });
  it("computes mod 97 piecewise on long inputs", () => {
    expect(mod97("3214282912345698765432161182")).toBe(1); // GB82WEST... rearranged, letters converted
    expect(mod97("WEST12345698765432GB82")).toBe(1);
  });
});

describe("mod97-be-nn (Belgian national number)", () => {
  // 85.07.30-033 28: example of python-stdnum's be.nn module documentation.
  // 90.02.01-997-04 (born 1990) and 03.01.25-224-95 (born 2003, check over "2" + 9 digits):
  // worked examples of a public Dutch programming exercise on the rijksregisternummer.
  it.each(["85073003328", "90020199704", "03012522495"])("accepts %s", (v) => {
    expect(isValidBeNationalNumber(v)).toBe(true);
  });
  it("uses the 2000+ rule only for people born from 2000 on", () => {
    // 030125224 with the 1900 check would be 97 - (30125224 % 97); that one must not validate as 2003.
    const base = "030125224";
    const old = String(97 - (Number(base) % 97)).padStart(2, "0");
    const young = String(97 - (Number("2" + base) % 97)).padStart(2, "0");
    expect(young).toBe("95");
    expect(isValidBeNationalNumber(base + young)).toBe(true);
    // 1903 is a plausible year too, so the 1900-check also validates; both forms are accepted.
    expect(isValidBeNationalNumber(base + old)).toBe(true);
  });
  it("accepts unknown month/day (00) and bis numbers (month +20 / +40)", () => {
    const make = (nine: string, y2000 = false) => nine + String(97 - (Number((y2000 ? "2" : "") + nine) % 97)).padStart(2, "0");
    expect(isValidBeNationalNumber(make("850000033"))).toBe(true);
    expect(isValidBeNationalNumber(make("852730033"))).toBe(true); // bis, sex unknown
    expect(isValidBeNationalNumber(make("854730033"))).toBe(true); // bis, sex known
    expect(isValidBeNationalNumber(make("101231002", true))).toBe(true); // born 2010
  });
  it.each([
    "85073003327", // check digit changed
    "85073003338",
    "8507300332", // 10 digits
    "850730033280",
    "85133003388", // month 13
    "85073203328", // day 32
  ])("rejects %s", (v) => {
    expect(isValidBeNationalNumber(v)).toBe(false);
  });
  it("rejects an impossible date part even with a correct check", () => {
    const nine = "850231033"; // 31 February
    const check = String(97 - (Number(nine) % 97)).padStart(2, "0");
    expect(isValidBeNationalNumber(nine + check)).toBe(false);
  });
  it("rejects counter 000 even with a correct check", () => {
    const nine = "850730000";
    expect(isValidBeNationalNumber(nine + String(97 - (Number(nine) % 97)).padStart(2, "0"))).toBe(false);
  });
  it("accepts separators defensively", () => {
    expect(isValidBeNationalNumber("85.07.30-033.28")).toBe(true);
  });
});

describe("luhn", () => {
  // Test card numbers published in the Stripe and PayPal (Braintree) developer documentation.
  it.each([
    "4111111111111111", // Visa
    "4012888888881881", // Visa
    "4242424242424242", // Visa (Stripe)
    "5555555555554444", // Mastercard
    "5105105105105100", // Mastercard
    "2223003122003222", // Mastercard 2-series (Stripe)
    "378282246310005", // American Express
    "371449635398431", // American Express
    "6011111111111117", // Discover
    "4222222222222", // Visa, 13 digits
  ])("accepts %s", (v) => {
    expect(isValidLuhn(v)).toBe(true);
  });
  it.each([
    "4111111111111112",
    "5555555555554445",
    "378282246310006",
    "0000000000000000", // all the same digit (passes the bare Luhn sum)
    "411111111111", // 12 digits
    "41111111111111111111", // 20 digits
  ])("rejects %s", (v) => {
    expect(isValidLuhn(v)).toBe(false);
  });
});

describe("date", () => {
  it.each([
    ["12-03-1985", { year: 1985, month: 3, day: 12 }],
    ["12/03/1985", { year: 1985, month: 3, day: 12 }],
    ["12.03.1985", { year: 1985, month: 3, day: 12 }],
    ["1-3-1985", { year: 1985, month: 3, day: 1 }],
    ["1985-03-12", { year: 1985, month: 3, day: 12 }],
    ["12 maart 1985", { year: 1985, month: 3, day: 12 }],
    ["12 mrt 1985", { year: 1985, month: 3, day: 12 }],
    ["12 mrt. 1985", { year: 1985, month: 3, day: 12 }],
    ["12 March 1985", { year: 1985, month: 3, day: 12 }],
    ["March 12, 1985", { year: 1985, month: 3, day: 12 }],
    ["12 Mei 1985", { year: 1985, month: 5, day: 12 }],
    ["1er mars 1985", { year: 1985, month: 3, day: 1 }],
    ["29-02-2000", { year: 2000, month: 2, day: 29 }], // 2000 is a leap year (divisible by 400)
    ["29-02-1996", { year: 1996, month: 2, day: 29 }],
  ])("parses %s", (text, expected) => {
    expect(parseDate(text)).toEqual(expected);
    expect(isValidDate(text)).toBe(true);
  });
  it.each([
    "29-02-1900", // 1900 is not a leap year (divisible by 100, not by 400)
    "29-02-1985",
    "31-04-1985", // April has 30 days
    "32-01-1985",
    "12-13-1985",
    "00-01-1985",
    "12-03-85", // 2-digit year
    "12-03/1985", // mixed separators
    "12 maartje 1985",
    "12-03-1899",
    "12-03-2999", // future
    "1985.03.12",
    "12031985",
  ])("rejects %s", (text) => {
    expect(parseDate(text)).toBeNull();
    expect(isValidDate(text)).toBe(false);
  });
  it("rejects tomorrow and accepts today", () => {
    const now = new Date();
    const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
    const fmt = (d: Date) => `${d.getDate()}-${d.getMonth() + 1}-${d.getFullYear()}`;
    expect(isValidDate(fmt(now))).toBe(true);
    expect(isValidDate(fmt(tomorrow))).toBe(false);
  });
});

describe("ipv4 / ipv6", () => {
  // RFC 5737 documentation ranges and RFC 3849 / RFC 5952 documentation prefix 2001:db8::/32.
  it.each(["192.0.2.1", "198.51.100.23", "203.0.113.255", "10.0.0.1", "8.8.8.8", "127.0.0.1"])("ipv4 accepts %s", (v) => {
    expect(isValidIpv4(v)).toBe(true);
  });
  it.each(["0.0.0.0", "255.255.255.255", "256.1.1.1", "192.168.01.1", "1.2.3", "1.2.3.4.5", "a.b.c.d", "1.2.3.-4", ""])(
    "ipv4 rejects %s",
    (v) => {
      expect(isValidIpv4(v)).toBe(false);
    },
  );
  it.each(["2001:db8::1", "2001:0db8:0000:0000:0000:ff00:0042:8329", "fe80::1ff:fe23:4567:890a", "::1", "::ffff:192.0.2.128"])(
    "ipv6 accepts %s",
    (v) => {
      expect(isValidIpv6(v)).toBe(true);
    },
  );
  it.each(["12:30", "::", "2001:db8:::1", "2001:db8::g", "1:2:3:4:5:6:7:8:9", "10:15:30"])("ipv6 rejects %s", (v) => {
    expect(isValidIpv6(v)).toBe(false);
  });
});

describe("email", () => {
  // Documentation domains of RFC 2606 (example.com, example.org, .test).
  it.each(["jan.jansen@example.com", "j.de-vries+nieuwsbrief@mail.example.nl", "info@example.org", "a_b@sub.example.co.uk", "josé@example.be"])(
    "accepts %s",
    (v) => {
      expect(isValidEmail(v)).toBe(true);
    },
  );
  it.each([
    "jan@@example.com",
    "jan@exa@mple.com",
    "jan..jansen@example.com",
    "jan@example..com",
    ".jan@example.com",
    "jan@example",
    "jan@example.c",
    "jan@example.123",
    "@example.com",
    "jan@-example.com",
    "logo@2x.png1",
    "icon@2x.png", // retina image file name
  ])("rejects %s", (v) => {
    expect(isValidEmail(v)).toBe(false);
  });
});

describe("date: month-first fallback", () => {
  it("reads M/D/YYYY only with slashes and only when day-first is impossible", () => {
    expect(parseDate("3/25/1985")).toEqual({ year: 1985, month: 3, day: 25 });
    expect(parseDate("03/12/1985")).toEqual({ year: 1985, month: 12, day: 3 }); // day first wins
    expect(parseDate("3-25-1985")).toBeNull();
    expect(parseDate("13/25/1985")).toBeNull();
    expect(parseDate("2/30/1985")).toBeNull();
  });
});

describe("IBAN rule regex covers the registry", () => {
  // The regex of rules/generic/iban.yaml has one alternative per registry length; it must
  // accept every country of IBAN_LENGTHS at exactly its own length, spaced or not, and not a
  // character more (the "BE68 5390 0754 7034 2024" over-match).
  const rule = parseYaml(readFileSync(new URL("../../rules/generic/iban.yaml", import.meta.url), "utf8"));
  const regex = new RegExp(`^(?:${rule.patterns[0].regex})$`, "u");
  const make = (cc: string, len: number) => cc + "00" + "1".repeat(len - 4);
  const spaced = (iban: string) => iban.replace(/(.{4})(?=.)/g, "$1 ");
  it.each(Object.entries(IBAN_LENGTHS))("%s with length %i", (cc, len) => {
    expect(regex.test(make(cc, len))).toBe(true);
    expect(regex.test(spaced(make(cc, len)))).toBe(true);
    expect(regex.test(make(cc, len - 1))).toBe(false);
    expect(regex.test(make(cc, len + 1))).toBe(false);
  });
  it("stops a spaced IBAN before a following group of digits", () => {
    const unanchored = new RegExp(rule.patterns[0].regex, "gu");
    expect("Factuur BE68 5390 0754 7034 2024".match(unanchored)).toEqual(["BE68 5390 0754 7034"]);
  });
});

describe("mrz (ICAO Doc 9303)", () => {
  // Specimens: ICAO Doc 9303 (8th ed., 2021) Part 4 (TD3, passport of Anna Maria Eriksson,
  // Utopia), Part 5 (TD1) and Part 6 (TD2); RvIG specimen of the 2014 Dutch passport and the
  // Dutch identity card (Willeke Liselotte de Bruijn, document SPECI2014, BSN 999999990).
  const TD3 = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"];
  const TD1 = ["I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"];
  const TD2 = ["I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"];
  const NL_PASSPORT = ["P<NLDDE<BRUIJN<<WILLEKE<LISELOTTE<<<<<<<<<<<", "SPECI20142NLD6503101F2401151999999990<<<<<82"];
  const NL_ID = ["I<NLDSPECI20142999999990<<<<<8", "6503101F2403096NLD<<<<<<<<<<<8", "DE<BRUIJN<<WILLEKE<LISELOTTE<<"];

  it("computes the check digit with weights 7-3-1 ('<' = 0, A = 10)", () => {
    // Worked example of Doc 9303 Part 3, 4.9: date 520727 has check digit 3.
    expect(mrzCheckDigit("520727")).toBe(3);
    expect(mrzCheckDigit("L898902C3")).toBe(6);
    expect(mrzCheckDigit("<<<<")).toBe(0);
    expect(mrzCheckDigit("AB2134<<<")).toBe(5);
    expect(mrzCheckDigit("ab")).toBe(-1);
  });
  it.each([
    ["TD3, both lines", TD3.join("\n")],
    ["TD3, data line alone", TD3[1]],
    ["TD1, three lines", TD1.join("\n")],
    ["TD1, two lines", TD1.slice(0, 2).join("\n")],
    ["TD2, both lines", TD2.join("\n")],
    ["TD2, data line alone", TD2[1]],
    ["Dutch passport", NL_PASSPORT.join("\r\n")],
    ["Dutch identity card, on one line", NL_ID.join(" ")],
  ])("accepts the specimen %s", (_, mrz) => {
    expect(isValidMrz(mrz)).toBe(true);
  });
  it("accepts a visa (MRV-A) without composite digit", () => {
    // Doc 9303 Part 7 specimen visa of Anna Maria Eriksson.
    expect(isValidMrz("V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL8988901C4XXX4009078F96121096ZE184226B<<<<<<")).toBe(true);
  });
  it.each([
    ["document number check", "L898902C37UTO7408122F1204159ZE184226B<<<<<10"],
    ["birth date check", "L898902C36UTO7408123F1204159ZE184226B<<<<<10"],
    ["expiry check", "L898902C36UTO7408122F1204158ZE184226B<<<<<10"],
    ["personal number check", "L898902C36UTO7408122F1204159ZE184226B<<<<<20"],
    ["composite check", "L898902C36UTO7408122F1204159ZE184226B<<<<<11"],
    ["TD1 composite", "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<7"],
    ["TD2 composite", "D231458907UTO7408122F1204159<<<<<<<7"],
    ["lower case", TD3[1].toLowerCase()],
    ["name line alone", TD3[0]],
    ["wrong length", TD3[1].slice(1)],
    ["all zeros", "0000000000<<<0000000<0000000<<<<<<<<<<<<<<<<"],
    ["a TD3 line 1 that is not P or V", "X<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n" + TD3[1]],
  ])("rejects a wrong %s", (_, mrz) => {
    expect(isValidMrz(mrz)).toBe(false);
  });
  it("rejects an impossible date even when its check digit is right", () => {
    const l1 = "I<UTOD231458907<<<<<<<<<<<<<<<";
    const expiry = "120231"; // 31 February
    const partial = `7408122F${expiry}${mrzCheckDigit(expiry)}UTO<<<<<<<<<<<`;
    const composite = mrzCheckDigit(l1.slice(5, 30) + partial.slice(0, 7) + partial.slice(8, 15) + partial.slice(18, 29));
    expect(isValidMrz(`${l1}\n${partial}${composite}`)).toBe(false);
  });
  it("follows a TD1 document number longer than 9 characters into the optional data", () => {
    // Doc 9303 Part 5 4.2.2 note j: position 15 is '<', the number continues, then its check digit.
    const doc = "D23145890734"; // 12 characters
    const l1 = `I<UTO${doc.slice(0, 9)}<${doc.slice(9)}${mrzCheckDigit(doc)}<`.padEnd(30, "<");
    const l2a = "7408122F1204159UTO<<<<<<<<<<<";
    const l2 = l2a + mrzCheckDigit(l1.slice(5, 30) + l2a.slice(0, 7) + l2a.slice(8, 15) + l2a.slice(18, 29));
    expect(isValidMrz(`${l1}\n${l2}`)).toBe(true);
  });
});

describe("license-plate-nl (RDW sidecodes)", () => {
  // Sidecodes after the RDW (via kentekenkennis.nl/sidecode and nummerborden.info): one
  // example per sidecode, with letters the RDW issues.
  it.each([
    ["AB-12-34", 1], ["12-34-AB", 2], ["12-AB-34", 3], ["BD-12-FG", 4], ["BD-FG-12", 5], ["12-BD-FG", 6],
    ["12-BDF-3", 7], ["1-BDF-23", 8], ["BD-123-F", 9], ["B-123-DF", 10], ["BDF-12-G", 11], ["B-12-DFG", 12],
    ["1-BD-234", 13], ["123-BD-4", 14],
  ])("finds the sidecode of %s (%i), with or without hyphens", (plate, sidecode) => {
    expect(nlSidecode(plate)).toBe(sidecode);
    expect(nlSidecode(plate.replace(/-/g, ""))).toBe(sidecode);
    expect(isValidNlLicensePlate(plate)).toBe(true);
  });
  it.each([
    "12-ABC-3", // vowel in a modern series
    "12-BCF-3", // C is never used
    "BD-12-QF", // nor Q
    "12-NSB-3", // never issued
    "GVD-12-B",
    "BD-SS-12",
    "12-BSD-3", // ends in SD
    "123456",
    "ABCDEF",
    "ABC123", // LLLDDD is no sidecode
    "99-XXX-9", // the notation of sidecode 7, not a plate
    "X-999-XX",
    "",
  ])("rejects %s", (plate) => {
    expect(isValidNlLicensePlate(plate)).toBe(false);
  });
  it("leaves the hyphen positions to the rule's regex (the six characters decide)", () => {
    expect(nlSidecode("AB-1234")).toBe(1);
  });
  it("accepts vowels in the 1951-1978 series and in trailer (O) plates", () => {
    expect(isValidNlLicensePlate("AE-12-34")).toBe(true); // sidecode 1
    expect(isValidNlLicensePlate("OA-12-BD")).toBe(true); // trailer, sidecode 4
  });
});

describe("nl-document-number (Dutch passport / ID card)", () => {
  // Format after RvIG ("Documentnummer O of 0") and python-stdnum's nl.identiteitskaartnummer:
  // 2 letters, 6 letters or digits, 1 digit, never the letter O. SPECI2014: RvIG specimen.
  it.each(["SPECI2014", "XR1001R58", "NX6P97571", "xr 1001r5 8", "IR7K31F44"])("accepts %s", (v) => {
    expect(isValidNlDocumentNumber(v)).toBe(true);
  });
  it.each([
    "XR1O01R58", // letter O
    "OR1001R58",
    "581001RXR", // digits first
    "XR1001R5X", // last not a digit
    "XR1001R5", // 8 characters
    "XR1001R588",
    "AA0000000", // placeholder
    "EM0000000",
    "",
  ])("rejects %s", (v) => {
    expect(isValidNlDocumentNumber(v)).toBe(false);
  });
});

describe("phone-e164", () => {
  // ITU-T E.164 assigned country codes; +44 20 7946 0958 is in Ofcom's range for drama
  // (fictitious) numbers, +1 212 555 0142 in the NANPA 555-01xx fictitious range.
  it.each(["+44 20 7946 0958", "+44 (0)20 7946 0958", "+1 (212) 555-0142", "+49 30 1234567", "0049 30 1234567", "+599 9 123 4567", "+297 582 1234", "+31 6 12345678", "+33 1 23 45 67 89"])(
    "accepts %s",
    (v) => {
      expect(isValidE164(v)).toBe(true);
    },
  );
  it.each([
    "+1 (555) 123-4567", // NANP exchange cannot start with 1
    "+999 1234 5678", // unassigned
    "+12", // too short
    "+44 1234", // national part too short
    "+49 1234 5678 9012 3456", // more than 15 digits
    "+7 123 45 67", // +7 needs 10 national digits
    "+44 020 7946 0958", // national part starts with 0 (the trunk prefix belongs in brackets)
    "44 20 7946 0958", // no + or 00
    "+44 20 7946 0958 ext",
  ])("rejects %s", (v) => {
    expect(isValidE164(v)).toBe(false);
  });
  it("finds the country code of a prefix-free number", () => {
    expect(e164CountryCode("31612345678")).toBe("31");
    expect(e164CountryCode("35312345678")).toBe("353");
    expect(e164CountryCode("12125550142")).toBe("1");
    expect(e164CountryCode("99912345678")).toBeUndefined();
  });
});

// Belgian eID card number: first ten digits mod 97 (97 for 0) = last two. Vectors from
// python-stdnum's stdnum.be.eid documentation.
import { isValidBeEidCard } from "../../src/detect/validators/index.js";
describe("be-eid-card", () => {
  it("checks the mod-97 check digits", () => {
    expect(isValidBeEidCard("590885348732")).toBe(true);
    expect(isValidBeEidCard("590-8853487-32")).toBe(true);
    expect(isValidBeEidCard("593000003797")).toBe(true);
    expect(isValidBeEidCard("590885348733")).toBe(false);
    expect(isValidBeEidCard("000000000097")).toBe(false);
    expect(isValidBeEidCard("59088534873")).toBe(false);
  });
});
