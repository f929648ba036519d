/**
 * A small month for notice tests (notices-sender, notices-templates): the workbook set up, the demo
 * catalog in Credentials, a few typed entries of November 2026, and its report built from the menu.
 */
import { CATALOG, credentialsSheet, type EntryRow } from "../../local/demo";
import { outboxOf, type SentMessage, spreadsheetOf } from "../../local/runtime";
import { type Row, type World, world } from "./harness";

export const MONTH = "2026-11";
export const REPORT = `Badges ${MONTH}`;
/** 8 a.m. in Chicago on the 1st: the morning the notices go. */
export const FIRST_OF_DECEMBER = new Date("2026-12-01T14:00:00Z");

/** Credentials the agency badges itself (active, with a template id). */
export const AGENCY = CATALOG.filter((c) => c.badgeIssuer === "Agency" && c.active && c.templateId !== "");

/** One typed entry of November, as an instructor would have reported it. */
export function entry(id: string, first: string, last: string, address: string, extra: Partial<EntryRow> = {}) {
  return {
    "Entry ID": id,
    "Entered At": new Date("2026-11-10T16:00:00Z"),
    "Student First Name": first,
    "Student Last Name": last,
    "Student Email": address,
    Credential: AGENCY[0].credential,
    "Date Earned": new Date("2026-11-05T06:00:00Z"),
    Program: "Welding",
    Site: "Tulsa Tech",
    "Instructor Name": "Pat Instructor",
    "Instructor Email": "pat@tulsatech.example.edu",
    Source: "Typed" as const,
    Language: "en" as const,
    ...extra,
  };
}

/** A world on Dec 1 with these entries in Entries and the November report tab built. */
export async function monthWith(
  entries: ReturnType<typeof entry>[],
  options: Parameters<typeof world>[0] = {},
): Promise<World> {
  const w = await world({ start: FIRST_OF_DECEMBER, ...options });
  w.run("setUpWorkbook");
  spreadsheetOf(w.runtime).setValues("Credentials", 1, 1, credentialsSheet());
  w.type("Entries", entries as Row[]);
  w.run("buildMonthlyReport");
  return w;
}

export const reportRows = (w: World): Row[] => w.rows(REPORT, "Entry ID");

export const notices = (w: World): SentMessage[] =>
  outboxOf(w.runtime).messages.filter((m) => !m.subject.startsWith("[Test]"));
