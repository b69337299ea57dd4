// The validators that rules name in `validator:` (see docs/rules.md). Each takes the value as the
// rule normalised it (digits, upper-alnum, ...) and stays defensive about what else it may get.
import { isValidBsn } from "./elfproef.js";
import { isValidIban } from "./iban.js";
import { isValidBeNationalNumber } from "./be-national-number.js";
import { isValidLuhn } from "./luhn.js";
import { isValidDate } from "./date.js";
import { isValidIpv4, isValidIpv6 } from "./ip.js";
import { isValidEmail } from "./email.js";

export { isValidBsn } from "./elfproef.js";
export { isValidIban, mod97, IBAN_LENGTHS } from "./iban.js";
export { isValidBeNationalNumber } from "./be-national-number.js";
export { isValidLuhn } from "./luhn.js";
export { isValidDate, parseDate, daysInMonth, isLeapYear, MONTHS } from "./date.js";
export type { ParsedDate } from "./date.js";
export { isValidIpv4, isValidIpv6 } from "./ip.js";
export { isValidEmail } from "./email.js";

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
});

export const VALIDATOR_NAMES = Object.keys(VALIDATORS);
