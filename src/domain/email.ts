/**
 * Student e-mail addresses: normalised, checked, masked.
 *
 * What we accept, and why:
 * - exactly one address: no spaces, commas, semicolons or angle brackets (a cell holding
 *   "a@x.org, b@y.org" or "Jane <jane@x.org>" is a typing slip, not two students);
 * - a local part of the usual unquoted characters (letters, digits and ! # $ % & ' * + / = ? ^ _ `
 *   { | } ~ -), so plus-addressing (jane+badges@school.org) is fine; dots only between characters
 *   (no leading, trailing or doubled dot). Non-ASCII local parts are refused: not every mail system
 *   on the way (Gmail sending, Credly) promises SMTPUTF8;
 * - a domain of at least two labels; labels of letters (any script, so IDN domains such as
 *   "escuela.méxico" or "schüler.de" are kept as typed), digits and inner hyphens; no empty label,
 *   so no trailing or doubled dot; the last label has no digits.
 * Addresses are lower-cased: Credly treats the address as the earner's identity, and the Ledger's
 * duplicate check must not see "Jane@School.org" and "jane@school.org" as two people.
 */

const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[\p{L}\p{M}0-9](?:[\p{L}\p{M}0-9-]*[\p{L}\p{M}0-9])?$/u;
const TOP_LABEL = /^(?:[\p{L}\p{M}]{2,}|xn--[a-z0-9-]+)$/u;

/** Trimmed and lower-cased. */
export function normaliseEmail(text: string): string {
  return text.trim().toLowerCase();
}

/** Why this (normalised) text is not one e-mail address, or null when it is. */
export function emailFault(email: string): string | null {
  if (email === "") return "is empty";
  if (/[\s,;<>()[\]"\\]/.test(email)) {
    return (email.match(/@/g) ?? []).length > 1 ? "holds more than one address" : "is not an e-mail address";
  }
  const at = email.split("@");
  if (at.length === 1) return "is not an e-mail address (no @)";
  if (at.length > 2) return "is not an e-mail address";
  const [local, domain] = at;
  if (local.length === 0 || local.length > 64 || !LOCAL_PART.test(local)) return "is not an e-mail address";
  if (email.length > 254) return "is not an e-mail address (too long)";
  const labels = domain.split(".");
  if (labels.length < 2) return "is not an e-mail address";
  if (labels.some((label) => label.length === 0 || label.length > 63 || !DOMAIN_LABEL.test(label))) {
    return "is not an e-mail address";
  }
  if (!TOP_LABEL.test(labels[labels.length - 1])) return "is not an e-mail address";
  return null;
}

/** For the Log: "jane@example.org" → "j***@example.org". Something that is not an address → "***". */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 0) return "***";
  return `${email.slice(0, Math.min(1, at))}***${email.slice(at)}`;
}
