// Dutch passport and identity-card document number (documentnummer), as issued since 2001 and in
// this form since the 2014 models: 9 characters, 2 letters, 6 letters or digits, 1 digit. The
// letter O never occurs (it would be confused with the digit 0); the digit 0 may (but is no
// longer issued since December 2019). Sources: Rijksdienst voor Identiteitsgegevens (RvIG),
// "Reisdocumentsoort categorie 12 persoonslijst" and "Documentnummer O of 0";
// python-stdnum's stdnum.nl.identiteitskaartnummer documentation.
//
// The number carries no check digit of its own (the MRZ check digit is computed over it: see
// mrz.ts). RvIG's first-letter table (N passport, I identity card, B business, D diplomatic,
// S service, A alien, R refugee) is not enforced: foreign 9-character document numbers next to
// the same words ("paspoortnummer") are identity-document numbers just as much.

const FORMAT = /^[A-NP-Z]{2}[A-NP-Z0-9]{6}\d$/;

/** True when `value` (spaces and hyphens ignored, any case) has the Dutch document-number format. */
export function isValidNlDocumentNumber(value: string): boolean {
  const s = String(value ?? "").replace(/[\s\-]/g, "").toUpperCase();
  if (!FORMAT.test(s)) return false;
  // A run of one repeated character (AA0000000) is a placeholder, not a number.
  return !/^(.)\1+\d$/.test(s.slice(0, 8) + s[8]) && !/^[A-Z]{2}0{6}\d$/.test(s);
}
