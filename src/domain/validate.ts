/**
 * Entry rules: every problem with an entry becomes a reason that names the field and quotes what
 * was typed, e.g. `Student Email "jane@@school.org" is not an e-mail address`. A person reads the
 * reasons in the report and fixes the row; nothing is dropped.
 */

import type { Catalog } from "./catalog";
import { emailFault } from "./email";
import type { Entry } from "./entry";
import { quoted } from "./text";

/** Longest name we accept: anything longer is a paste slip (a whole row in one cell), not a name. */
export const NAME_MAX = 100;

/**
 * A name is whatever the student is called, so odd characters are not refused: a name with `<`,
 * `=` or `+` is stored as text in the sheet and escaped in HTML, which is the protection (refusing
 * it would hide a student, not a risk). Only invisible control characters are a slip to fix.
 */
const CONTROL = /\p{Cc}/u;

function nameProblem(field: string, name: string): string | null {
  if (name === "") return `${field} is empty`;
  if (name.length > NAME_MAX) return `${field} ${quoted(name)} is longer than ${NAME_MAX} characters`;
  if (CONTROL.test(name)) return `${field} ${quoted(name)} has an invisible control character`;
  if (!/\p{L}/u.test(name)) return `${field} ${quoted(name)} has no letters`;
  return null;
}

function credentialProblem(entry: Entry, catalog: Catalog): string | null {
  if (entry.credential === "") return "Credential is empty";
  const credential = catalog.find(entry.credential);
  const named = `Credential ${quoted(entry.credential)}`;
  if (!credential) return `${named} is not on the Credentials list`;
  if (!credential.active) return `${named} is not active on the Credentials list`;
  if (credential.issuer === null) return `${named} has no Badge Issuer (Agency or Vendor) on the Credentials list`;
  if (credential.issuer === "Agency" && credential.templateId === "") {
    return `${named} has no Credly Template ID on the Credentials list`;
  }
  return null;
}

function dateProblem(entry: Entry, today: string): string | null {
  if (entry.dateEarned === null) {
    if (entry.dateEarnedText === "") return "Date Earned is empty";
    return `Date Earned ${quoted(entry.dateEarnedText)} is not a date (write it like 2026-11-03 or 11/3/2026)`;
  }
  if (entry.dateEarned > today)
    return `Date Earned ${quoted(entry.dateEarnedText || entry.dateEarned)} is in the future`;
  return null;
}

/**
 * Every reason the entry cannot be badged as it stands, in column order; [] when it is fine.
 * `today` is the current day in the spreadsheet's zone ("yyyy-MM-dd"): a date earned later than
 * that is in the future.
 */
export function validateEntry(entry: Entry, catalog: Catalog, today: string): string[] {
  const problems: Array<string | null> = [
    entry.entryId === "" ? "Entry ID is empty" : null,
    entry.enteredAt
      ? null
      : entry.enteredAtText === ""
        ? "Entered At is empty"
        : `Entered At ${quoted(entry.enteredAtText)} is not a date (clear it and BadgeDesk stamps it)`,
    nameProblem("Student First Name", entry.firstName),
    nameProblem("Student Last Name", entry.lastName),
    entry.email === "" ? "Student Email is empty" : emailProblem(entry.email),
    credentialProblem(entry, catalog),
    dateProblem(entry, today),
    entry.languageText === "" ? null : `Language ${quoted(entry.languageText)} is not en or es`,
  ];
  return problems.filter((p): p is string => p !== null);
}

function emailProblem(email: string): string | null {
  const fault = emailFault(email);
  return fault === null ? null : `Student Email ${quoted(email)} ${fault}`;
}
