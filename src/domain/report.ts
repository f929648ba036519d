/**
 * The monthly report "Badges yyyy-MM": one row per entry entered in the month, with its decision
 * and progress. Rebuilding it is safe at any time: progress (Notice Status … Last Error) is carried
 * over by Entry ID, never by row number, because people sort and delete rows between runs.
 */

import type { Cell } from "../app/ports";
import type { Catalog } from "./catalog";
import type { Decision } from "./decide";
import { byEnteredAt } from "./decide";
import { type Entry, studentName } from "./entry";
import { BADGE_STATUS, DECISION, NOTICE_STATUS } from "./words";

/** The report's headers, in DESIGN.md's order: the contract with the people reading the sheet. */
export const REPORT_HEADERS = [
  "Entry ID",
  "Entered At",
  "Student",
  "Student Email",
  "Credential",
  "Vendor",
  "Site",
  "Decision",
  "Reason",
  "Notice Status",
  "Notice Sent At",
  "Badge Status",
  "Badge Issued At",
  "Credly Badge ID",
  "Claim State",
  "Last Error",
] as const;
export type ReportHeader = (typeof REPORT_HEADERS)[number];

/** The columns a run writes as it works; a rebuild keeps them. */
export const PROGRESS_HEADERS = [
  "Notice Status",
  "Notice Sent At",
  "Badge Status",
  "Badge Issued At",
  "Credly Badge ID",
  "Claim State",
  "Last Error",
] as const satisfies readonly ReportHeader[];

export type ReportRow = Record<ReportHeader, Cell>;

/**
 * True once something left the building for this row: a notice sent or in flight, a badge issued
 * or in flight. Its decision then stands, and its row is kept as it is.
 */
export function isActedOn(row: ReportRow): boolean {
  const notice = String(row["Notice Status"]);
  const badge = String(row["Badge Status"]);
  return (
    notice === NOTICE_STATUS.sending ||
    notice === NOTICE_STATUS.sent ||
    badge === BADGE_STATUS.issuing ||
    badge === BADGE_STATUS.issued ||
    String(row["Credly Badge ID"]).trim() !== ""
  );
}

function freshRow(entry: Entry, decision: Decision, catalog: Catalog): ReportRow {
  const credential = catalog.find(entry.credential);
  return {
    "Entry ID": entry.entryId,
    "Entered At": entry.enteredAt ?? entry.enteredAtText,
    Student: studentName(entry),
    "Student Email": entry.email,
    Credential: credential ? credential.name : entry.credential,
    Vendor: credential ? credential.vendor : "",
    Site: entry.site,
    Decision: decision.decision,
    Reason: decision.reason,
    "Notice Status": "",
    "Notice Sent At": "",
    "Badge Status": "",
    "Badge Issued At": "",
    "Credly Badge ID": "",
    "Claim State": "",
    "Last Error": "",
  };
}

/**
 * The report's rows, earliest entry first.
 * - An entry with an acted-on previous row keeps that row exactly: it records what was sent.
 * - Otherwise the row is rebuilt from the entry (which a person may have fixed) with its fresh
 *   decision, and the progress columns of its previous row, if any. A "Not needed" notice status
 *   is cleared when the entry has become a Badge, so the notice goes out.
 * - A previous row whose entry is gone from Entries is kept (at the end) only if it was acted on.
 * `decisions` must hold every entry (decideMonth does).
 */
export function buildReport(
  entries: readonly Entry[],
  previousRowsByEntryId: ReadonlyMap<string, ReportRow>,
  decisions: ReadonlyMap<string, Decision>,
  catalog: Catalog,
): ReportRow[] {
  const rows: ReportRow[] = [];
  const seen = new Set<string>();
  for (const entry of byEnteredAt(entries)) {
    if (seen.has(entry.entryId)) continue;
    seen.add(entry.entryId);
    const previous = previousRowsByEntryId.get(entry.entryId);
    if (previous && isActedOn(previous)) {
      rows.push({ ...previous });
      continue;
    }
    const decision = decisions.get(entry.entryId);
    if (!decision) throw new Error(`No decision for entry ${entry.entryId}`);
    const row = freshRow(entry, decision, catalog);
    if (previous) {
      for (const header of PROGRESS_HEADERS) row[header] = previous[header];
      if (decision.decision === DECISION.badge && row["Notice Status"] === NOTICE_STATUS.notNeeded) {
        row["Notice Status"] = NOTICE_STATUS.none;
      }
    }
    rows.push(row);
  }
  for (const [entryId, previous] of previousRowsByEntryId) {
    if (!seen.has(entryId) && isActedOn(previous)) rows.push({ ...previous });
  }
  return rows;
}

/** A row as the sheet's cells, in REPORT_HEADERS order. */
export function reportRowValues(row: ReportRow): Cell[] {
  return REPORT_HEADERS.map((header) => row[header]);
}
