/**
 * The sheet headers the demo writes, exactly as DESIGN.md "Sheets" names them: the code finds
 * columns by these names, so the demo takes them from the product's own schemas: a demo that
 * spelled one differently would test nothing.
 */
import { CREDENTIALS, ENTRIES } from "../../src/workbook/schemas";

export const ENTRIES_HEADERS = [...ENTRIES.headers, ...ENTRIES.optional] as const;

export const CREDENTIALS_HEADERS = CREDENTIALS.headers;

export type EntriesHeader = (typeof ENTRIES_HEADERS)[number];
export type CredentialsHeader = (typeof CREDENTIALS_HEADERS)[number];

/** How an entry reached the sheet. */
export type EntrySource = "Form" | "Typed" | "Import";

/**
 * One Entries row as a sheet holds it. `Date Earned` is usually a Date but may be text a person
 * typed ("last week"); `Entered At` is always a Date.
 */
export interface EntryRow {
  "Entry ID": string;
  "Entered At": Date;
  "Student First Name": string;
  "Student Last Name": string;
  "Student Email": string;
  Credential: string;
  "Date Earned": Date | string;
  Program: string;
  Site: string;
  "Instructor Name": string;
  "Instructor Email": string;
  Source: EntrySource;
  Language: "en" | "es";
}

/** One Credentials row. Vendor-badged credentials carry no template id: the agency never issues them. */
export interface CredentialRow {
  Credential: string;
  Vendor: string;
  "Badge Issuer": "Agency" | "Vendor";
  "Credly Template ID": string;
  Active: "Yes" | "No";
}
