// Belgian eID / identity card number: 12 digits (written 590-8853487-32); the last two are the
// first ten modulo 97, with 97 for a remainder of 0. Source: python-stdnum stdnum/be/eid.py,
// after the Belgian IBZ instruction IT195 (Identiteitsbewijs).

export function isValidBeEidCard(value: string): boolean {
  const digits = String(value ?? "").replace(/\D/g, "");
  if (digits.length !== 12 || /^0{10}/.test(digits)) return false;
  const check = Number(digits.slice(0, 10)) % 97 || 97;
  return check === Number(digits.slice(10));
}
