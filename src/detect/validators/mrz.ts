// Machine-readable zone (MRZ) of passports, identity cards and visas, after ICAO Doc 9303
// (Machine Readable Travel Documents, 8th edition 2021):
//   Part 3 §4.9  check digits: characters 0-9 = 0-9, A-Z = 10-35, filler '<' = 0; weights
//                7, 3, 1 repeating; the check digit is the weighted sum modulo 10;
//   Part 4       TD3 (passport booklets, and MRV-A visas): 2 lines of 44 characters;
//   Part 5       TD1 (identity cards): 3 lines of 30 characters;
//   Part 6       TD2 (older identity cards, MRV-B visas): 2 lines of 36 characters.
// A value passes when every check digit of its format holds: document number, date of birth,
// date of expiry, the optional/personal number of TD3 where used, and the composite digit
// (not on visas). Dates must be real YYMMDD dates (birth date parts may be '<' when unknown).

const WEIGHTS = [7, 3, 1] as const;

/** Value of one MRZ character, or -1 for a character that cannot occur in an MRZ. */
function charValue(c: string): number {
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  if (c === "<") return 0;
  return -1;
}

/** The ICAO 9303 check digit of `field` (0-9), or -1 when the field holds a non-MRZ character. */
export function mrzCheckDigit(field: string): number {
  let sum = 0;
  for (let i = 0; i < field.length; i++) {
    const v = charValue(field[i]);
    if (v < 0) return -1;
    sum += v * WEIGHTS[i % 3];
  }
  return sum % 10;
}

function checks(field: string, digit: string): boolean {
  return /^\d$/.test(digit) && mrzCheckDigit(field) === Number(digit);
}

/** YYMMDD with a real month and day; `unknownAllowed`: '<' in place of unknown parts (birth dates). */
function plausibleDate(s: string, unknownAllowed: boolean): boolean {
  if (unknownAllowed && /^[\d<]{6}$/.test(s) && s.includes("<")) {
    // Partly unknown birth date: the known parts must still make sense.
    const mm = s.slice(2, 4);
    const dd = s.slice(4, 6);
    if (/^\d\d$/.test(mm) && (Number(mm) < 1 || Number(mm) > 12)) return false;
    if (/^\d\d$/.test(dd) && (Number(dd) < 1 || Number(dd) > 31)) return false;
    return true;
  }
  if (!/^\d{6}$/.test(s)) return false;
  const month = Number(s.slice(2, 4));
  const day = Number(s.slice(4, 6));
  if (month < 1 || month > 12 || day < 1) return false;
  const max = month === 2 ? 29 : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= max;
}

/** A document number: not empty, not all filler or zeros. */
function realDocumentNumber(s: string): boolean {
  return /[A-Z1-9]/.test(s);
}

/** A nationality / issuing state: three letters or fillers with at least one letter (D<< is Germany). */
function realState(s: string): boolean {
  return /^[A-Z<]{3}$/.test(s) && /[A-Z]/.test(s);
}

/**
 * The first 28 characters that TD3 and TD2 second lines share: document number and its
 * check, nationality, birth date and check, sex, expiry date and check.
 */
function line2Start(l: string): boolean {
  const doc = l.slice(0, 9);
  if (!realDocumentNumber(doc) || !checks(doc, l[9])) return false;
  if (!realState(l.slice(10, 13))) return false;
  if (!plausibleDate(l.slice(13, 19), true) || !checks(l.slice(13, 19), l[19])) return false;
  if (!/[MFX<]/.test(l[20])) return false;
  return plausibleDate(l.slice(21, 27), false) && checks(l.slice(21, 27), l[27]);
}

/** TD3 second line (44): passport, or visa (MRV-A: no personal number check, no composite). */
function td3Line2(l: string, visa: boolean): boolean {
  if (l.length !== 44 || !line2Start(l)) return false;
  if (visa) return true;
  const personal = l.slice(28, 42);
  // An unused personal number field may carry '<' (or 0) as its check digit (Part 4, 4.2.2.2).
  const personalOk = checks(personal, l[42]) || (/^<+$/.test(personal) && l[42] === "<");
  if (!personalOk) return false;
  return checks(l.slice(0, 10) + l.slice(13, 20) + l.slice(21, 43), l[43]);
}

/** TD2 second line (36): identity card, or visa (MRV-B: no composite). */
function td2Line2(l: string, visa: boolean): boolean {
  if (l.length !== 36 || !line2Start(l)) return false;
  if (visa) return true;
  return checks(l.slice(0, 10) + l.slice(13, 20) + l.slice(21, 35), l[35]);
}

/** TD1 first two lines (2 × 30); the third line is the name and carries no check digit. */
function td1(l1: string, l2: string): boolean {
  if (l1.length !== 30 || l2.length !== 30) return false;
  if (!/^[ACI][A-Z<]/.test(l1) || !realState(l1.slice(2, 5))) return false;
  let doc = l1.slice(5, 14);
  let docCheck = l1[14];
  if (docCheck === "<") {
    // Document number longer than 9 characters: it continues in the optional data, followed by
    // its check digit and a filler (Part 5, 4.2.2, note j).
    const extension = /^([A-Z0-9]*?)(\d)</.exec(l1.slice(15));
    if (!extension) return false;
    doc += extension[1];
    docCheck = extension[2];
  }
  if (!realDocumentNumber(doc) || !checks(doc, docCheck)) return false;
  if (!plausibleDate(l2.slice(0, 6), true) || !checks(l2.slice(0, 6), l2[6])) return false;
  if (!/[MFX<]/.test(l2[7])) return false;
  if (!plausibleDate(l2.slice(8, 14), false) || !checks(l2.slice(8, 14), l2[14])) return false;
  if (!realState(l2.slice(15, 18))) return false;
  return checks(l1.slice(5, 30) + l2.slice(0, 7) + l2.slice(8, 15) + l2.slice(18, 29), l2[29]);
}

/**
 * True when `value` (whitespace and line breaks between the lines are ignored) is an MRZ whose
 * check digits all hold: TD3 (2 × 44, or its data line alone), TD2 (2 × 36, or its data line
 * alone) or TD1 (the first two or all three lines of 30).
 */
export function isValidMrz(value: string): boolean {
  const s = String(value ?? "").replace(/\s+/g, "");
  if (!/^[A-Z0-9<]+$/.test(s)) return false;
  switch (s.length) {
    case 44:
      return td3Line2(s, false);
    case 88: {
      const l1 = s.slice(0, 44);
      if (!/^[PV][A-Z<]/.test(l1) || !/^[A-Z<]+$/.test(l1) || !realState(l1.slice(2, 5))) return false;
      return td3Line2(s.slice(44), l1[0] === "V");
    }
    case 36:
      return td2Line2(s, false);
    case 72: {
      const l1 = s.slice(0, 36);
      if (!/^[ACIPV][A-Z<]/.test(l1) || !/^[A-Z<]+$/.test(l1) || !realState(l1.slice(2, 5))) return false;
      return td2Line2(s.slice(36), l1[0] === "V");
    }
    case 60:
      return td1(s.slice(0, 30), s.slice(30));
    case 90:
      return td1(s.slice(0, 30), s.slice(30, 60)) && /^[A-Z<]+$/.test(s.slice(60)) && /[A-Z]/.test(s.slice(60));
    default:
      return false;
  }
}
