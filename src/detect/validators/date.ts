// Calendar dates as people write them in Dutch, Belgian (Dutch/French) and English documents:
//   12-03-1985, 12/03/1985, 12.03.1985 (day first), 1985-03-12, 1985/03/12 (ISO order),
//   12 maart 1985, 12 mrt. 1985, 12 March 1985, 1er mars 1985, March 12, 1985, March 12th 1985;
//   3/25/1985 (month first, slashes) only where day-first is impossible.
// Two-digit years are not accepted. Valid dates lie in 1900 .. today.

export interface ParsedDate {
  year: number;
  month: number;
  day: number;
}

/** Month names and abbreviations (Dutch, English, French), lowercase, without a trailing dot. */
export const MONTHS: Readonly<Record<string, number>> = {
  // Dutch
  januari: 1, februari: 2, maart: 3, april: 4, mei: 5, juni: 6, juli: 7, augustus: 8,
  september: 9, oktober: 10, november: 11, december: 12,
  jan: 1, feb: 2, febr: 2, mrt: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, okt: 10, nov: 11, dec: 12,
  // English
  january: 1, february: 2, march: 3, may: 5, june: 6, july: 7, august: 8, october: 10,
  mar: 3, oct: 10,
  // French
  janvier: 1, "février": 2, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7,
  "août": 8, aout: 8, septembre: 9, octobre: 10, novembre: 11, "décembre": 12, decembre: 12,
  "janv": 1, "févr": 2, "avr": 4, "juil": 7, "déc": 12,
};

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const NUMERIC_DMY = /^(\d{1,2})([\-\/.])(\d{1,2})\2(\d{4})$/u;
const NUMERIC_YMD = /^(\d{4})([\-\/.])(\d{1,2})\2(\d{1,2})$/u;
/** 19850312: the compact ISO form of database exports and key=value logs. */
const COMPACT_YMD = /^((?:19|20)\d{2})(\d{2})(\d{2})$/u;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th|e|ste|de|er)?`;
const MONTH = String.raw`(\p{L}+)\.?`;
const TEXT_DMY = new RegExp(String.raw`^${DAY}[\s\-]+${MONTH}[\s\-]+(\d{4})$`, "iu");
const TEXT_MDY = new RegExp(String.raw`^${MONTH}\s+${DAY},?\s+(\d{4})$`, "iu");

function build(year: number, month: number, day: number): ParsedDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  const now = new Date();
  if (year < 1900 || year > now.getFullYear()) return null;
  const today = now.getFullYear() * 10000 + (now.getMonth() + 1) * 100 + now.getDate();
  if (year * 10000 + month * 100 + day > today) return null;
  return { year, month, day };
}

function monthNumber(name: string): number | undefined {
  return MONTHS[name.toLowerCase()];
}

/** Parses a date of the accepted forms; null when the text is not a real date in 1900 .. today. */
export function parseDate(value: string): ParsedDate | null {
  const s = String(value ?? "").trim().replace(/\s+/g, " ");
  if (s.length < 8 || s.length > 40) return null;
  let m = NUMERIC_DMY.exec(s);
  if (m) {
    const dmy = build(Number(m[4]), Number(m[3]), Number(m[1]));
    // US exports (Salesforce, HubSpot in an English locale) write M/D/YYYY: accepted only with
    // slashes and only when day-first cannot be meant (3/25/1985).
    if (!dmy && m[2] === "/" && Number(m[3]) > 12) return build(Number(m[4]), Number(m[1]), Number(m[3]));
    return dmy;
  }
  m = NUMERIC_YMD.exec(s);
  if (m) {
    if (m[2] === ".") return null; // 1985.03.12 is rare and looks like a version / amount
    return build(Number(m[1]), Number(m[3]), Number(m[4]));
  }
  m = COMPACT_YMD.exec(s);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]));
  m = TEXT_DMY.exec(s);
  if (m) {
    const month = monthNumber(m[2]);
    return month === undefined ? null : build(Number(m[3]), month, Number(m[1]));
  }
  m = TEXT_MDY.exec(s);
  if (m) {
    const month = monthNumber(m[1]);
    return month === undefined ? null : build(Number(m[3]), month, Number(m[2]));
  }
  return null;
}

/** True when `value` is a real calendar date in one of the accepted forms, 1900 .. today. */
export function isValidDate(value: string): boolean {
  return parseDate(value) !== null;
}
