import { describe, expect, it } from "vitest";
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
} from "../../src/detect/validators/index.js";

describe("VALIDATORS registry", () => {
  it("has every validator name that docs/rules.md lists", () => {
    expect(Object.keys(VALIDATORS).sort()).toEqual(
      ["date", "elfproef", "email", "ipv4", "ipv6", "luhn", "mod97-be-nn", "mod97-iban"].sort(),
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
