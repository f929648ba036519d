/**
 * The month's report rows that issuing works on, joined by Entry ID to Entries (names, language,
 * Entered At) and to Credentials (the template id). Three reads: the report, Entries, Credentials.
 */

import { type BadgeRequest, badgeRequest } from "../domain/badge-request";
import { catalogOf } from "../domain/catalog";
import { type Entry, readEntry } from "../domain/entry";
import { reportSheetName } from "../domain/month";
import { BADGE_STATUS, DECISION, NOTICE_STATUS } from "../domain/words";
import { credentialOf, rawEntryOf } from "../workbook/records";
import { CREDENTIALS, ENTRIES, reportSchema } from "../workbook/schemas";
import { findRowsByEntryId, readTable, requireSheet, type Table } from "../workbook/table";
import type { Cell, Services, SheetPort } from "./ports";

const DAY_MS = 24 * 60 * 60 * 1000;

/** One report row to issue (or to reconcile). */
export interface IssueItem {
  entryId: string;
  /** The report row at the time of the read. */
  rowNumber: number;
  email: string;
  templateId: string;
  enteredAt: Date | null;
  /** The request to send; null when `problem` says why the row cannot be badged. */
  request: BadgeRequest | null;
  problem: string;
}

export interface MonthRows {
  sheet: SheetPort;
  table: Table;
  /** Rows found Issuing: a run died, or an answer was lost. Look them up before anything else. */
  issuing: IssueItem[];
  /** Rows whose notice went out at least the delay ago and that hold no badge yet. */
  ready: IssueItem[];
  /** Rows whose notice went out less than the delay ago. */
  waiting: number;
  nextEligibleAt: Date | null;
}

function asDate(value: Cell): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  const text = String(value).trim();
  if (text === "") return null;
  const parsed = new Date(text);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

/** Reads the month's report and what issuing needs to know about its Badge rows. */
export function readMonthRows(
  services: Pick<Services, "workbook" | "formatDate">,
  month: string,
  now: Date,
  noticeDelayDays: number,
): MonthRows {
  const { workbook, formatDate } = services;
  const zone = workbook.timeZone();
  const name = reportSheetName(month);
  const sheet = workbook.sheet(name);
  if (!sheet) throw new Error(`There is no report for ${month} ("${name}"): build the monthly report first.`);
  const table = readTable(sheet, reportSchema(month));

  const entriesTable = readTable(requireSheet(workbook, ENTRIES.sheet), ENTRIES);
  const entries = findRowsByEntryId(entriesTable);
  const catalog = catalogOf(readTable(requireSheet(workbook, CREDENTIALS.sheet), CREDENTIALS).rows.map(credentialOf));

  const item = (entryId: string, rowNumber: number, reportEmail: string): IssueItem => {
    const row = entries.get(entryId);
    if (!row) {
      return {
        entryId,
        rowNumber,
        email: reportEmail,
        templateId: "",
        enteredAt: null,
        request: null,
        problem: `Entry ID ${entryId} is no longer on the Entries sheet: put the row back to badge it.`,
      };
    }
    const entry: Entry = readEntry(rawEntryOf(row), zone, formatDate);
    const credential = catalog.find(entry.credential);
    const templateId = credential?.templateId ?? "";
    const base = { entryId, rowNumber, email: entry.email, templateId, enteredAt: entry.enteredAt };
    if (!templateId) {
      const problem = `Credential "${entry.credential}" has no Credly Template ID on the Credentials sheet: add it (or run Sync badge templates).`;
      return { ...base, request: null, problem };
    }
    if (!entry.enteredAt) {
      const problem = `Entries row ${row.rowNumber} (Entry ID ${entryId}): Entered At is not a date, and it is the badge's issue date.`;
      return { ...base, request: null, problem };
    }
    return { ...base, request: badgeRequest(entry, templateId, zone, formatDate), problem: "" };
  };

  const result: MonthRows = { sheet, table, issuing: [], ready: [], waiting: 0, nextEligibleAt: null };
  const delayMs = Math.max(0, noticeDelayDays) * DAY_MS;
  const seen = new Set<string>();
  for (const row of table.rows) {
    const entryId = String(row.get("Entry ID")).trim();
    if (entryId === "" || seen.has(entryId) || String(row.get("Decision")).trim() !== DECISION.badge) continue;
    seen.add(entryId);
    const status = String(row.get("Badge Status")).trim();
    const email = String(row.get("Student Email")).trim();
    if (status === BADGE_STATUS.issuing) {
      result.issuing.push(item(entryId, row.rowNumber, email));
      continue;
    }
    if (status !== BADGE_STATUS.none || String(row.get("Notice Status")).trim() !== NOTICE_STATUS.sent) continue;
    // An unreadable Notice Sent At does not hold the badge back: the notice did go out.
    const sentAt = asDate(row.get("Notice Sent At"));
    const eligibleAt = sentAt ? sentAt.getTime() + delayMs : now.getTime();
    if (eligibleAt > now.getTime()) {
      result.waiting++;
      if (!result.nextEligibleAt || eligibleAt < result.nextEligibleAt.getTime()) {
        result.nextEligibleAt = new Date(eligibleAt);
      }
      continue;
    }
    result.ready.push(item(entryId, row.rowNumber, email));
  }
  return result;
}
