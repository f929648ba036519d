/** Table rows as the domain's records, and back. */

import type { Cell } from "../app/ports";
import type { Credential } from "../domain/catalog";
import { badgeKey } from "../domain/decide";
import type { RawEntry } from "../domain/entry";
import { REPORT_HEADERS, type ReportRow } from "../domain/report";
import type { TableRow } from "./table";

export function rawEntryOf(row: TableRow): RawEntry {
  return {
    entryId: row.get("Entry ID"),
    enteredAt: row.get("Entered At"),
    firstName: row.get("Student First Name"),
    lastName: row.get("Student Last Name"),
    email: row.get("Student Email"),
    credential: row.get("Credential"),
    dateEarned: row.get("Date Earned"),
    program: row.get("Program"),
    site: row.get("Site"),
    instructorName: row.get("Instructor Name"),
    instructorEmail: row.get("Instructor Email"),
    source: row.get("Source"),
    language: row.get("Language"),
  };
}

const text = (value: Cell) => String(value).trim();

/**
 * A Credentials row. Badge Issuer is read as Agency or Vendor ignoring case; anything else is null
 * (and the entry is Needs fix), so a typo never lets the agency issue a vendor's badge.
 * Active is Yes (or a ticked checkbox); anything else is inactive.
 */
export function credentialOf(row: TableRow): Credential {
  const issuer = text(row.get("Badge Issuer")).toLowerCase();
  const active = row.get("Active");
  return {
    name: text(row.get("Credential")),
    vendor: text(row.get("Vendor")),
    issuer: issuer === "agency" ? "Agency" : issuer === "vendor" ? "Vendor" : null,
    templateId: text(row.get("Credly Template ID")),
    active: active === true || text(active).toLowerCase() === "yes",
  };
}

/** badgeKey()s of the Ledger's rows, for the Already badged check. */
export function ledgerKeysOf(rows: readonly TableRow[]): Set<string> {
  const keys = new Set<string>();
  for (const row of rows) {
    const email = text(row.get("Student Email"));
    const template = text(row.get("Credly Template ID"));
    if (email !== "" && template !== "") keys.add(badgeKey(email, template));
  }
  return keys;
}

/** A report table row as a ReportRow. */
export function reportRowOf(row: TableRow): ReportRow {
  const record = {} as ReportRow;
  for (const header of REPORT_HEADERS) record[header] = row.get(header);
  return record;
}
