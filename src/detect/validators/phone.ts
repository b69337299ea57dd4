// International telephone numbers in E.164 form (+ country code + national significant number,
// at most 15 digits in all). Source: ITU-T Recommendation E.164 and its annex "List of ITU-T
// Recommendation E.164 assigned country codes" (Operational Bulletin, 2023 edition); the codes
// are prefix-free, so at most one of them starts a number.

/** Assigned E.164 country codes (geographic areas; global services such as 800/808/870/881-883 left out). */
export const E164_COUNTRY_CODES: ReadonlySet<string> = new Set([
  "1", "7",
  "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47", "48", "49",
  "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66",
  "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98",
  "211", "212", "213", "216", "218",
  ...range(220, 258), ...range(260, 269),
  "290", "291", "297", "298", "299",
  ...range(350, 359), ...range(370, 383), "385", "386", "387", "389",
  "420", "421", "423",
  ...range(500, 509), ...range(590, 599),
  "670", ...range(672, 683), ...range(685, 692),
  "850", "852", "853", "855", "856", "880", "886",
  ...range(960, 968), ...range(970, 977), ...range(992, 996), "998",
]);

function range(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
}

/** The country code that starts `digits`, or undefined. */
export function e164CountryCode(digits: string): string | undefined {
  for (const n of [1, 2, 3]) {
    const cc = digits.slice(0, n);
    if (E164_COUNTRY_CODES.has(cc)) return cc;
  }
  return undefined;
}

/**
 * True when `value` (as written: "+44 20 7946 0958", "+31 (0)20 123 4567", "0044 ...") is an
 * E.164 number: an assigned country code and 8-15 digits in all, the national part at least 6.
 * North America (+1) and Russia/Kazakhstan (+7) need exactly 10 national digits.
 */
export function isValidE164(value: string): boolean {
  const s = String(value ?? "").trim();
  if (!/^(?:\+|00)\d/.test(s)) return false;
  if (/[^\d\s+().\-\/]/.test(s)) return false;
  const digits = s.replace(/\(0\)/g, "").replace(/^00/, "").replace(/\D+/g, "");
  if (digits.length < 8 || digits.length > 15) return false;
  const cc = e164CountryCode(digits);
  if (!cc) return false;
  const national = digits.slice(cc.length);
  if (national.length < 6 || national.startsWith("0")) return false;
  if (cc === "1") return /^[2-9]\d{2}[2-9]\d{6}$/.test(national);
  if (cc === "7") return national.length === 10;
  return true;
}
