// E-mail address sanity check (not full RFC 5322): one @, a non-empty local part, a domain of
// dot-separated labels ending in an alphabetic TLD of at least 2 letters, no consecutive dots.

const LOCAL = /^[\p{L}\p{N}!#$%&'*+\/=?^_`{|}~\-]+(\.[\p{L}\p{N}!#$%&'*+\/=?^_`{|}~\-]+)*$/u;
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}\-]{0,61}[\p{L}\p{N}])?$/u;

const FILE_EXTENSIONS = new Set(["png", "jpg", "jpeg", "gif", "svg", "webp", "bmp", "tif", "tiff", "ico", "css", "js", "map"]);

/** True when `value` looks like a deliverable e-mail address. */
export function isValidEmail(value: string): boolean {
  const s = String(value ?? "").trim();
  if (s.length < 6 || s.length > 254) return false;
  const at = s.indexOf("@");
  if (at <= 0 || at !== s.lastIndexOf("@")) return false;
  const local = s.slice(0, at);
  const domain = s.slice(at + 1);
  if (local.length > 64 || !LOCAL.test(local)) return false;
  const labels = domain.split(".");
  if (labels.length < 2) return false;
  if (!labels.every((l) => LABEL.test(l))) return false;
  const tld = labels[labels.length - 1].toLowerCase();
  // "icon@2x.png" is a retina image name, not an address.
  return /^\p{L}{2,}$/u.test(tld) && !FILE_EXTENSIONS.has(tld);
}
