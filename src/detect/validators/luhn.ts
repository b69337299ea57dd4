// Luhn (mod 10) check of payment card numbers (ISO/IEC 7812-1), 13 to 19 digits.

/** True when `value` is 13-19 digits, not all the same digit, with a valid Luhn check digit. */
export function isValidLuhn(value: string): boolean {
  const digits = String(value ?? "").replace(/[\s\-.]/g, "");
  if (!/^\d{13,19}$/.test(digits)) return false;
  if (/^(\d)\1*$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}
