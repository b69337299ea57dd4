// IP address sanity checks. Telling an address from a version number is the rule's job (context).
import { isIPv6 } from "node:net";

/** Four dotted octets 0-255 without leading zeros; 0.0.0.0 and 255.255.255.255 are rejected. */
export function isValidIpv4(value: string): boolean {
  const s = String(value ?? "").trim();
  const parts = s.split(".");
  if (parts.length !== 4) return false;
  for (const p of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(p)) return false;
    if (Number(p) > 255) return false;
  }
  return s !== "0.0.0.0" && s !== "255.255.255.255";
}

/** A syntactically valid IPv6 address (node:net) with at least two colons; not the unspecified "::". */
export function isValidIpv6(value: string): boolean {
  const s = String(value ?? "").trim();
  if ((s.match(/:/g) ?? []).length < 2) return false;
  if (/^:+$/.test(s)) return false;
  return isIPv6(s);
}
