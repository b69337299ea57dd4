// The validators that rules name in `validator:` (see docs/rules.md). Each takes the value as the
// rule normalised it (digits, upper-alnum, ...) and stays defensive about what else it may get.
import { isValidBsn } from "./elfproef.js";
import { isValidIban } from "./iban.js";
import { isValidBeNationalNumber } from "./be-national-number.js";
import { isValidLuhn } from "./luhn.js";
import { isValidDate } from "./date.js";
import { isValidIpv4, isValidIpv6 } from "./ip.js";
import { isValidEmail } from "./email.js";
import { isValidMrz } from "./mrz.js";
import { isValidNlLicensePlate } from "./license-plate-nl.js";
import { isValidNlDocumentNumber } from "./nl-document-number.js";
import { isValidE164 } from "./phone.js";
import { isValidBeEidCard } from "./be-eid-card.js";

export { isValidBsn } from "./elfproef.js";
export { isValidIban, mod97, IBAN_LENGTHS } from "./iban.js";
export { isValidBeNationalNumber } from "./be-national-number.js";
export { isValidLuhn } from "./luhn.js";
export { isValidDate, parseDate, daysInMonth, isLeapYear, MONTHS } from "./date.js";
export type { ParsedDate } from "./date.js";
export { isValidIpv4, isValidIpv6 } from "./ip.js";
export { isValidEmail } from "./email.js";
export { isValidMrz, mrzCheckDigit } from "./mrz.js";
export { isValidNlLicensePlate, nlSidecode } from "./license-plate-nl.js";
export { isValidNlDocumentNumber } from "./nl-document-number.js";
export { isValidE164, e164CountryCode, E164_COUNTRY_CODES } from "./phone.js";
export { isValidBeEidCard } from "./be-eid-card.js";

export type Validator = (value: string) => boolean;

export const VALIDATORS: Record<string, Validator> = Object.freeze({
  elfproef: isValidBsn,
  "mod97-iban": isValidIban,
  "mod97-be-nn": isValidBeNationalNumber,
  luhn: isValidLuhn,
  date: isValidDate,
  ipv4: isValidIpv4,
  ipv6: isValidIpv6,
  email: isValidEmail,
  mrz: isValidMrz,
  "license-plate-nl": isValidNlLicensePlate,
  "be-eid-card": isValidBeEidCard,
  "nl-document-number": isValidNlDocumentNumber,
  "phone-e164": isValidE164,
});

export const VALIDATOR_NAMES = Object.keys(VALIDATORS);
