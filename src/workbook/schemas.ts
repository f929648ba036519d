/**
 * The sheets' headers (DESIGN.md "Sheets"). Header names are the contract with the people who use
 * the workbook: the code finds columns by these names, in any order, extra columns allowed.
 */

import { reportSheetName } from "../domain/month";
import { REPORT_HEADERS } from "../domain/report";

export interface TableSchema {
  /** The sheet's name, for messages and lookups. */
  sheet: string;
  /** Headers that must be there, in the order Set up workbook writes them. */
  headers: readonly string[];
  /** Headers read when present (and written by Set up workbook after the others). */
  optional: readonly string[];
}

export const ENTRIES = {
  sheet: "Entries",
  headers: [
    "Entry ID",
    "Entered At",
    "Student First Name",
    "Student Last Name",
    "Student Email",
    "Credential",
    "Date Earned",
    "Program",
    "Site",
    "Instructor Name",
    "Instructor Email",
    "Source",
  ],
  optional: ["Language"],
} as const satisfies TableSchema;

export const CREDENTIALS = {
  sheet: "Credentials",
  headers: ["Credential", "Vendor", "Badge Issuer", "Credly Template ID", "Active"],
  optional: [],
} as const satisfies TableSchema;

export const LEDGER = {
  sheet: "Ledger",
  headers: [
    "Entry ID",
    "Student Email",
    "Credly Template ID",
    "Credly Badge ID",
    "Issued At",
    "Claim State",
    "Claim Checked At",
  ],
  optional: [],
} as const satisfies TableSchema;

/** DESIGN.md: "time, user, action, counts, outcome"; e-mail addresses masked. */
export const LOG = {
  sheet: "Log",
  headers: ["Time", "User", "Action", "Counts", "Outcome"],
  optional: [],
} as const satisfies TableSchema;

/** The monthly report "Badges yyyy-MM"; its header row sits below the summary block. */
export function reportSchema(month: string): TableSchema {
  return { sheet: reportSheetName(month), headers: REPORT_HEADERS, optional: [] };
}

/** Every header of a schema, required first: the row Set up workbook writes. */
export function allHeaders(schema: TableSchema): string[] {
  return [...schema.headers, ...schema.optional];
}
