// Dutch vehicle registration numbers (kentekens), after the "sidecodes" of the RDW: the order of
// letter groups (X) and digit groups (9) that the RDW has issued since 1951 (sidecodes 1-6) and
// plans or issues since 2005 (7-14). Sources: RDW; kentekenkennis.nl/sidecode; nl/de.wikipedia
// "Nederlands kenteken" / "Systematik der Kfz-Kennzeichen (Niederlande)"; nummerborden.info.
//
//   1 XX-99-99   2 99-99-XX   3 99-XX-99   4 XX-99-XX   5 XX-XX-99   6 99-XX-XX   7 99-XXX-9
//   8 9-XXX-99   9 XX-999-X  10 X-999-XX  11 XXX-99-X  12 X-99-XXX  13 9-XX-999  14 999-XX-9
//
// Without the hyphens each sidecode still has its own letter/digit shape, so the sidecode is
// found from the six characters alone. Since sidecode 4 (1978) the RDW uses no vowels and no C
// or Q (too much like 0); the letters that occur are B D F G H J K L M N P R S T V W X Z. Trailer
// plates (first letter O) are the exception. Letter groups SS and SD, and GVD, KKK, NSB, PKK,
// PSV, TBS, PVV, SGP and VVD are never issued.

const SHAPES: Readonly<Record<string, number>> = {
  LLDDDD: 1, DDDDLL: 2, DDLLDD: 3, LLDDLL: 4, LLLLDD: 5, DDLLLL: 6, DDLLLD: 7,
  DLLLDD: 8, LLDDDL: 9, LDDDLL: 10, LLLDDL: 11, LDDLLL: 12, DLLDDD: 13, DDDLLD: 14,
};

const MODERN_LETTERS = /^[BDFGHJKLMNPRSTVWXZ]+$/;
const NEVER_ISSUED = new Set(["GVD", "KKK", "NSB", "PKK", "PSV", "TBS", "PVV", "SGP", "VVD"]);

/** The sidecode (1-14) of a Dutch registration number, or 0 when it fits none. Hyphens and spaces are ignored. */
export function nlSidecode(value: string): number {
  const s = String(value ?? "").replace(/[\s\-]/g, "").toUpperCase();
  if (!/^[A-Z0-9]{6}$/.test(s)) return 0;
  const shape = s.replace(/[A-Z]/g, "L").replace(/\d/g, "D");
  return SHAPES[shape] ?? 0;
}

/** True when `value` is a registration number of one of the 14 sidecodes with letters the RDW issues. */
export function isValidNlLicensePlate(value: string): boolean {
  const sidecode = nlSidecode(value);
  if (sidecode === 0) return false;
  const s = String(value).replace(/[\s\-]/g, "").toUpperCase();
  // The notation of a sidecode itself (99-XXX-9, X-999-XX) is documentation, not a plate.
  if (/^[X9]+$/.test(s)) return false;
  const groups = s.match(/[A-Z]+/g) ?? [];
  for (const [i, group] of groups.entries()) {
    if (NEVER_ISSUED.has(group)) return false;
    if (sidecode < 4) continue; // 1951-1978 series also used vowels
    if (group === "SS" || group === "SD" || /S[SD]$/.test(group)) return false;
    const trailer = i === 0 && s[0] === "O"; // trailers (opleggers) keep their O-series
    if (!trailer && !MODERN_LETTERS.test(group)) return false;
  }
  return true;
}
