// Masking: the only form in which a matched value leaves the worker. Masking cannot be
// turned off; it keeps at most the last two characters, like a bank statement.

/** `111222333` → `*******33`; values of four characters or fewer become all stars. */
export function maskValue(value: string): string {
  const chars = [...value.replace(/\s+/g, "")];
  if (chars.length <= 4) return "*".repeat(Math.max(chars.length, 1));
  return "*".repeat(chars.length - 2) + chars.slice(-2).join("");
}

/**
 * Library error messages can quote the content they choked on (a CSV parser shows the
 * record, an XML parser the text). Keep the message useful but strip what could be data:
 * quoted text, e-mail addresses and digit runs as long as an identifier (seven or more
 * digits: BSN, phone, account numbers), while line numbers, ratios and sizes stay readable.
 */
export function sanitizeMessage(message: string): string {
  return message
    .replace(/"[^"\n]{0,200}"|'[^'\n]{0,200}'|`[^`\n]{0,200}`/g, "\"…\"")
    .replace(/[^\s@"]+@[^\s@"]+/g, "…@…")
    .replace(/\d[\d .\-]{5,}\d/g, (run) => (run.replace(/\D/g, "").length >= 7 ? "#" : run))
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 300);
}
