// IBAN check (ISO 13616 / ISO 7064 MOD 97-10): a known country with its exact length, and the
// rearranged number (country + check digits moved to the end, letters A=10 .. Z=35) mod 97 == 1.

/**
 * IBAN length per country code, after the SWIFT IBAN Registry (ISO 13616), releases up to 2025.
 * Territories that use another country's format (AX -> FI, GF/GP/MQ/RE/... -> FR, IM/JE/GG -> GB)
 * write that country's code and need no entry of their own.
 */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28,
  BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28,
  CH: 21, CR: 22, CY: 28, CZ: 24,
  DE: 22, DJ: 27, DK: 18, DO: 28,
  EE: 20, EG: 29, ES: 24,
  FI: 18, FK: 18, FO: 18, FR: 27,
  GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28,
  HN: 28, HR: 21, HU: 28,
  IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27,
  JO: 30,
  KW: 30, KZ: 20,
  LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, LY: 25,
  MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30,
  NI: 28, NL: 18, NO: 15,
  OM: 23,
  PK: 24, PL: 28, PS: 29, PT: 25,
  QA: 29,
  RO: 24, RS: 22, RU: 33,
  SA: 24, SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28,
  TL: 23, TN: 24, TR: 26,
  UA: 29,
  VA: 22, VG: 24,
  XK: 20,
  YE: 30,
};

/** Remainder mod 97 of a string of digits and letters (A=10 .. Z=35), computed piecewise. */
export function mod97(alnum: string): number {
  let remainder = 0;
  for (const ch of alnum) {
    const code = ch.charCodeAt(0);
    let n: number;
    if (code >= 48 && code <= 57) n = code - 48;
    else if (code >= 65 && code <= 90) n = code - 55;
    else return NaN;
    remainder = (remainder * (n < 10 ? 10 : 100) + n) % 97;
  }
  return remainder;
}

/** True when `value` is an IBAN of a registry country, of that country's length, with valid check digits. */
export function isValidIban(value: string): boolean {
  const iban = String(value ?? "").replace(/[\s\-.]/g, "").toUpperCase();
  const m = /^([A-Z]{2})(\d{2})([A-Z0-9]+)$/.exec(iban);
  if (!m) return false;
  const length = IBAN_LENGTHS[m[1]];
  if (length === undefined || iban.length !== length) return false;
  return mod97(m[3] + m[1] + m[2]) === 1;
}
