// Dutch BSN "elfproef" (11-check), as published by the Dutch government (Logius / RvIG):
// for the 9 digits d0..d8: 9*d0 + 8*d1 + ... + 2*d7 - 1*d8 must be divisible by 11.

/** True when `value` is a BSN that passes the 11-check. 8-digit values get their lost leading 0 back. */
export function isValidBsn(value: string): boolean {
  const digits = String(value ?? "").replace(/[\s.\-]/g, "");
  if (!/^\d{8,9}$/.test(digits)) return false;
  const bsn = digits.length === 8 ? "0" + digits : digits;
  if (/^0+$/.test(bsn)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(bsn[i]) * (9 - i);
  sum -= Number(bsn[8]);
  return sum % 11 === 0;
}
