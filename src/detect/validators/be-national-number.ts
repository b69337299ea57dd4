// Belgian national number (rijksregisternummer / numéro de registre national, also the INSZ/NISS):
// YYMMDD (birth date) + 3-digit day counter + 2 check digits. The check is 97 - (first 9 digits
// mod 97); for people born in 2000 or later it is computed over "2" followed by the 9 digits.
// Unknown month or day are written 00; bis numbers add 20 (sex unknown) or 40 (sex known) to the month.

import { daysInMonth } from "./date.js";

function checkFor(base: string): number {
  // base has at most 10 digits: fits a double exactly.
  return 97 - (Number(base) % 97);
}

/** True when `value` is an 11-digit Belgian national (or bis) number with a valid check and plausible date part. */
export function isValidBeNationalNumber(value: string): boolean {
  const digits = String(value ?? "").replace(/[\s.\-\/]/g, "");
  if (!/^\d{11}$/.test(digits)) return false;
  const first9 = digits.slice(0, 9);
  const check = Number(digits.slice(9));
  const counter = Number(digits.slice(6, 9));
  if (counter === 0) return false;

  const yy = Number(digits.slice(0, 2));
  let month = Number(digits.slice(2, 4));
  const day = Number(digits.slice(4, 6));
  if (month >= 40) month -= 40;
  else if (month >= 20) month -= 20;
  if (month > 12 || day > 31) return false;

  const candidates: number[] = [];
  if (checkFor(first9) === check) candidates.push(1900 + yy);
  if (checkFor("2" + first9) === check) candidates.push(2000 + yy);
  const now = new Date();
  return candidates.some((year) => {
    if (year > now.getFullYear()) return false;
    if (month !== 0 && day !== 0 && day > daysInMonth(year, month)) return false;
    return true;
  });
}
